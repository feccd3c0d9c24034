package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.board.api.Access;
import org.mashlive.board.api.Channel;
import org.mashlive.board.api.Rag;
import org.mashlive.board.api.Source;
import org.mashlive.referral.Child;
import org.mashlive.referral.Consent;
import org.mashlive.referral.NewReferral;
import org.mashlive.referral.ReferralService;
import org.mashlive.wallboard.MovedClock;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The kiosk's chime in headless chromium (sound allowed without a click, as a kiosk's browser is
 * set up), on both contexts of the embedded demo: the page's audio element is watched for its
 * {@code play} events. It plays once for a new breach, not again for the same referral, not while a
 * hub manager has muted it from a board, again once unmuted, and not for a breach while the board
 * is stale. The wall-board's clock runs as the system's, and is moved on once for the last: the
 * stale board sees a referral breach at once rather than after a real wait.
 */
class ChimeBrowserIT {

    // deadlines, not pauses: room for a busy machine
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static MashLive.Running app;
    private static ChromeDriver kiosk;
    private static ChromeDriver manager;
    private static int received;
    /** The wall-board's clock: real time, plus however far the test has moved it on. */
    private static final MovedClock wallboardClock = new MovedClock();

    @BeforeAll
    static void start() {
        app = wallboardClock.startWithWallboardClock("--mash.backend.port=0", "--mash.rsocket.port=0",
                "--mash.wallboard.port=0", "--mash.simulation.enabled=false");
        kiosk = Browser.start("--autoplay-policy=no-user-gesture-required");
        kiosk.get(wallboard("/board?kiosk=" + Access.DEMO_KIOSK_TOKEN + "&sound=on"));
        wait(kiosk).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        wait(kiosk).until(ExpectedConditions.textToBe(By.id("sound-label"), "Sound on"));
        // counts every time the page's audio element starts to play
        kiosk.executeScript("""
                window.chimes = 0;
                document.getElementById('chime-audio').addEventListener('play', () => window.chimes++);""");
    }

    @AfterAll
    static void stop() {
        for (var browser : new ChromeDriver[] {kiosk, manager}) {
            if (browser != null) {
                browser.quit();
            }
        }
        if (app != null) {
            app.close();
        }
    }

    private static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return new WebDriverWait(browser, WAIT, Duration.ofMillis(200));
    }

    /** Waits until the audio element has started to play {@code n} times in all. */
    private static void chimed(long n) {
        try {
            wait(kiosk).until(driver -> chimes() == n);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the page's audio played " + chimes() + " times, not " + n + "; " + kiosk.executeScript("""
                    const a = document.getElementById('chime-audio'), s = document.getElementById('sound');
                    return 'asked ' + s.getAttribute('data-chimes') + ', sound ' + s.getAttribute('data-sound')
                        + ', paused ' + a.paused + ', error ' + (a.error && a.error.code) + ', ready ' + a.readyState;"""), e);
        }
    }

    private static long chimes() {
        return ((Number) kiosk.executeScript("return window.chimes;")).longValue();
    }

    /** A Red contact received at {@code at}: breached once four hours have passed. */
    private static String red(Instant at) {
        var contact = new NewReferral("CHIME-" + ++received, Channel.PHONE, Source.HEALTH, null, null,
                new Child("Chime" + received, "Test", LocalDate.of(2017, 5, 6)), "Worried about the child.", Rag.RED,
                Set.of(), Consent.NOT_SOUGHT, null);
        return app.backend().getBean(ReferralService.class).receive(contact, at).block(Duration.ofSeconds(30))
                .referral().reference();
    }

    /** Waits until the kiosk's board counts {@code n} breaches and shows {@code reference} on its ticker. */
    private static void kioskShows(int breaches, String reference) {
        wait(kiosk).until(ExpectedConditions.textToBe(By.id("breach-count"), String.valueOf(breaches)));
        wait(kiosk).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticker-list"), reference));
    }

    private static void managerClicksMute(String expectedAfter) {
        manager.findElement(By.id("sound-mute")).click();
        wait(manager).until(ExpectedConditions.textToBe(By.id("sound-mute"), expectedAfter));
    }

    @Test
    void chimesOncePerNewBreachNeverWhileMutedOrStale() {
        Instant now = Instant.now();

        // a new breach: one chime
        String first = red(now.minus(Duration.ofHours(5)));
        kioskShows(1, first);
        chimed(1);

        // the same referral again, and a referral that is not breached: no more
        String inTime = red(now);
        kioskShows(1, inTime);
        assertThat(chimes()).as("not again for the same breach").isEqualTo(1);

        // a hub manager, signed in on a board of their own, mutes every board for an hour
        manager = Browser.start();
        manager.get(wallboard("/board"));
        wait(manager).until(ExpectedConditions.urlContains("/login"));
        wait(manager).until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys("hub.manager");
        manager.findElement(By.id("password")).sendKeys(Access.DEMO_PASSWORD, Keys.ENTER);
        wait(manager).until(ExpectedConditions.elementToBeClickable(By.id("sound-mute")));
        managerClicksMute("Sound back on");
        wait(kiosk).until(ExpectedConditions.textToBePresentInElementLocated(By.id("sound-label"), "Muted until"));
        assertThat(kiosk.findElement(By.id("sound")).getDomAttribute("data-sound")).isEqualTo("muted");
        String whileMuted = red(now.minus(Duration.ofHours(6)));
        kioskShows(2, whileMuted);
        assertThat(chimes()).as("not while muted").isEqualTo(1);

        // back on: the next new breach chimes, so the silence above was the mute's
        managerClicksMute("Mute for an hour");
        wait(kiosk).until(ExpectedConditions.textToBe(By.id("sound-label"), "Sound on"));
        String afterMute = red(now.minus(Duration.ofHours(7)));
        kioskShows(3, afterMute);
        chimed(2);

        // a Red due in an hour, then the backend goes away: the board is stale when, its clock moved
        // on two hours, the Red breaches (the one received in time above is still in time then)
        String dueSoon = red(Instant.now().minus(Duration.ofHours(3)));
        kioskShows(3, dueSoon);
        app.backend().close();
        wait(kiosk).until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "STALE since"));
        wait(kiosk).until(ExpectedConditions.textToBe(By.id("sound-label"), "Sound on · silent while stale"));
        wallboardClock.advance(Duration.ofHours(2));
        wait(kiosk).until(ExpectedConditions.textToBe(By.id("breach-count"), "4"));
        assertThat(chimes()).as("not while stale").isEqualTo(2);
    }
}
