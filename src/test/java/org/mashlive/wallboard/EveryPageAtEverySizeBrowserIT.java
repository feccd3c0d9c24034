package org.mashlive.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.board.api.Access;
import org.mashlive.wallboard.shell.Pages;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the wall-board, opened by a person of the role that works there, on a laptop
 * (1280×720), an office screen (1920×1080) and a 4K TV (3840×2160), with the demo hub's simulator
 * giving the pages their content: no page is wider than the screen, nothing on it reaches past
 * the screen's edge, and every page's text is of a size that can be read there. What the browser
 * showed is kept under {@code target/page-sizes} for a person to look at.
 */
class EveryPageAtEverySizeBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<int[]> SIZES = List.of(new int[] {1280, 720}, new int[] {1920, 1080},
            new int[] {3840, 2160});
    private static final Path SHOTS = Path.of("target", "page-sizes");

    private static MashLive.Running app;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=true", "--mash.simulation.seed=20261130",
                "--mash.simulation.backfill-days=1");
        browser = Browser.start();
        wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    /** Who opens the page in a working day; a page not named here is opened by an administrator. */
    static String personFor(Pages page) {
        return switch (page) {
            case BOARD, QUALITY -> "hub.manager";
            case DUTY, SIGN_OFF, FEEDBACK -> "duty.lead";
            case INTAKE -> "front.door";
            case CAPACITY -> "service.head";
            default -> "admin";
        };
    }

    static String wallboard(String path) {
        return "http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port") + path;
    }

    private static void signInAs(String username) {
        browser.get(wallboard("/login"));
        browser.manage().deleteAllCookies();
        browser.get(wallboard("/login"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("username"))).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Access.DEMO_PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Until the page's Vaadin client has no request in flight, and its main content is there. */
    private static void settled() {
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("""
                const flow = window.Vaadin && window.Vaadin.Flow;
                if (!flow || !flow.clients) return false;
                const clients = Object.values(flow.clients);
                return clients.length > 0 && clients.every(c => !c.isActive || !c.isActive())
                    && document.querySelector('main, [role=main]') !== null
                    && document.body.innerText.trim().length > 0;""")));
    }

    @Test
    void everyPageFitsEveryScreenItIsShownOn() throws Exception {
        String signedIn = null;
        for (var page : Pages.values()) {
            String person = personFor(page);
            assertThat(page.roles()).as("%s is opened by a role that may open it", page)
                    .containsAnyElementsOf(roles(person));
            if (!person.equals(signedIn)) {
                signInAs(person);
                signedIn = person;
            }
            for (int[] size : SIZES) {
                browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                        Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", false));
                browser.get(wallboard("/" + page.path()));
                settled();
                String where = page.path() + " at " + size[0] + "x" + size[1] + " as " + person;
                assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).as(where)
                        .isEqualTo("/" + page.path());
                assertThat(browser.findElements(By.id("not-allowed"))).as(where).isEmpty();
                Files.write(SHOTS.resolve(page.path().replace('/', '-') + "-" + size[0] + "x" + size[1] + ".png"),
                        browser.getScreenshotAs(OutputType.BYTES));
                // no sideways scrolling: the page is as wide as the screen at most
                Number overflow = (Number) browser.executeScript(
                        "return document.scrollingElement.scrollWidth - window.innerWidth;");
                assertThat(overflow.intValue()).as("%s: page wider than the screen by %s px", where, overflow)
                        .isLessThanOrEqualTo(0);
                // nothing visible past the right edge of the screen (outside a scrolling list's own area)
                @SuppressWarnings("unchecked")
                var past = (List<String>) browser.executeScript("""
                        const out = [];
                        for (const el of document.querySelectorAll('main *')) {
                          const box = el.getBoundingClientRect();
                          if (box.width === 0 || box.height === 0) continue;
                          if (el.closest('vaadin-grid, [data-scrolls]')) continue;
                          const style = getComputedStyle(el);
                          if (style.visibility === 'hidden' || style.display === 'none') continue;
                          if (box.right > window.innerWidth + 1) out.push((el.id || el.tagName.toLowerCase()) + ' ends at ' + Math.round(box.right));
                        }
                        return out.slice(0, 5);""");
                assertThat(past).as("%s: past the screen's right edge", where).isEmpty();
                // text a person can read: on a wider screen no smaller than on a narrower one's share
                Number smallest = (Number) browser.executeScript("""
                        let min = 1e9;
                        const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
                        while (walker.nextNode()) {
                          const node = walker.currentNode;
                          if (!node.textContent.trim()) continue;
                          const el = node.parentElement;
                          const box = el.getBoundingClientRect();
                          if (box.width === 0 || box.height === 0) continue;
                          min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
                        }
                        return min;""");
                // 12 px on a laptop; a 4K TV read from across the room needs its text scaled up with it
                double floor = size[0] >= 3840 ? 18 : 12;
                assertThat(smallest.doubleValue()).as("%s: smallest text in px", where).isGreaterThanOrEqualTo(floor);
            }
        }
    }

    private static List<String> roles(String person) {
        return switch (person) {
            case "hub.manager" -> List.of(Access.HUB_MANAGER);
            case "duty.lead" -> List.of(Access.DUTY_LEAD);
            case "front.door" -> List.of(Access.FRONT_DOOR);
            case "service.head" -> List.of(Access.SERVICE_HEAD);
            default -> List.of(Access.ADMIN);
        };
    }
}
