package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The kiosk board (its chime on) on a busy simulated hub, in headless chromium, at the screens it must fit: a
 * small 1280×720, the 1920×1080 office TV, a 3840×2160 one and a portrait 1080×1920. One start of
 * both contexts and one browser serve every size: the viewport is set exactly through the DevTools
 * protocol, and the board lays itself out again.
 *
 * <p>Each size: no element's text overflows its box, no text lies outside its tile or the screen,
 * no two tiles overlap, every tile and its key figures are there, the lists still show several
 * lines, and type is in proportion to the screen, at 1920×1080 never under 28 px and the key
 * figures at least 48 px. A screenshot of each size goes to {@code target/board-layout/}, and to
 * the directory named by {@code -Dboard.screenshots} when given (the README's pictures).
 */
class BoardLayoutBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(120);

    private static MashLive.Running app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        // a busy hub: four times a London borough's contacts, back-filled over three days, at 120× speed
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=true", "--mash.simulation.seed=7", "--mash.simulation.speed=120",
                "--mash.simulation.contacts-per-year=60000");
        breaches();
        browser = Browser.start();
        try {
            browser.get("http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port")
                    + "/board?kiosk=" + Access.DEMO_KIOSK_TOKEN + "&sound=on");
        } catch (TimeoutException slowMachine) {
            // a starved renderer may answer late; the wait below tells whether the board came
        }
        // busy: many open, breaches, police checks waiting, arrivals from every source, a full ticker
        new WebDriverWait(browser, WAIT, Duration.ofMillis(250)).until(driver -> Boolean.TRUE.equals(browser.executeScript("""
                const number = id => parseInt((document.getElementById(id) || {}).textContent, 10) || 0;
                const live = document.getElementById('live-indicator');
                return !!live && live.textContent.includes('LIVE')
                    && number('count-total-total') >= 40 && number('breach-count') >= 4 && number('checks-waiting') >= 1
                    && ['police', 'health', 'education', 'other'].every(g => number('arrivals-' + g + '-count') > 0)
                    && document.querySelectorAll('#ticker-list li').length >= 8
                    && document.querySelectorAll('#partner-list li.partner').length >= 2;""")));
    }

    /**
     * Referrals past their timescales, as a hub has on a bad day (the simulated staff keep up): Red
     * ones from every source a few hours old, Amber ones days old, and an unrated one days old, the
     * longest badge with the longest overdue time.
     */
    private static void breaches() {
        var referrals = app.backend().getBean(ReferralService.class);
        Instant now = Instant.now();
        Source[] sources = {Source.POLICE, Source.HEALTH, Source.EDUCATION, Source.FAMILY_SELF, Source.VOLUNTARY};
        for (int i = 0; i < 10; i++) {
            receive(referrals, sources[i % sources.length], Rag.RED, now.minus(Duration.ofHours(5 + i)), i);
        }
        receive(referrals, Source.HEALTH, Rag.AMBER, now.minus(Duration.ofDays(4)), 10);
        receive(referrals, Source.EDUCATION, Rag.AMBER, now.minus(Duration.ofDays(5)), 11);
        receive(referrals, Source.FAMILY_SELF, null, now.minus(Duration.ofDays(3)), 12);
        // and one from each group of sources today, at whatever hour the test runs: in the small hours a
        // hub's day has barely begun, and the simulated one may have had no school's contact yet
        Source[] today = {Source.POLICE, Source.HEALTH, Source.EDUCATION, Source.VOLUNTARY};
        for (int i = 0; i < today.length; i++) {
            receive(referrals, today[i], Rag.GREEN, now, 13 + i);
        }
    }

    private static void receive(ReferralService referrals, Source source, Rag rag, Instant at, int n) {
        var contact = new NewReferral("LAYOUT-" + n, Channel.PHONE, source, null, null,
                new Child("Layout" + n, "Breach", LocalDate.of(2016, 1, 2)), "Worried about the child at home.", rag,
                Set.of(), Consent.NOT_SOUGHT, null);
        referrals.receive(contact, at).block(Duration.ofSeconds(30));
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

    /** What the page measures of itself at one size. */
    private static final String MEASURE = """
            const board = document.getElementById('board');
            const width = window.innerWidth, height = window.innerHeight;
            const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const ownText = el => Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
            const describe = el => (el.id ? '#' + el.id : el.tagName.toLowerCase() + '.' + el.className)
                + ' "' + el.textContent.trim().slice(0, 40) + '"';
            const tiles = Array.from(board.querySelectorAll('.tile, .board-header'));
            const overflowing = [], outside = [], fonts = [], keyFigures = [];
            for (const el of board.querySelectorAll('*')) {
                if (!visible(el) || !el.textContent.trim()) continue;
                if (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight) {
                    overflowing.push(describe(el) + ' scroll ' + el.scrollWidth + 'x' + el.scrollHeight
                        + ' > client ' + el.clientWidth + 'x' + el.clientHeight);
                }
                if (!ownText(el)) continue;
                const r = el.getBoundingClientRect();
                const tile = el.closest('.tile, .board-header');
                const t = tile ? tile.getBoundingClientRect() : {left: 0, top: 0, right: width, bottom: height};
                const slack = 0.5;
                if (r.left < Math.max(0, t.left) - slack || r.top < Math.max(0, t.top) - slack
                        || r.right > Math.min(width, t.right) + slack || r.bottom > Math.min(height, t.bottom) + slack) {
                    outside.push(describe(el) + ' at ' + [r.left, r.top, r.right, r.bottom].map(Math.round)
                        + ' beyond ' + [t.left, t.top, t.right, t.bottom].map(Math.round));
                }
                const size = parseFloat(getComputedStyle(el).fontSize);
                fonts.push(size);
                if (el.closest('.key-figure')) keyFigures.push(size);
            }
            const overlaps = [];
            tiles.forEach((a, i) => tiles.slice(i + 1).forEach(b => {
                const p = a.getBoundingClientRect(), q = b.getBoundingClientRect();
                const w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
                const h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
                if (w > 0.5 && h > 0.5) overlaps.push(describe(a).slice(0, 30) + ' overlaps ' + describe(b).slice(0, 30));
            }));
            const shown = selector => Array.from(board.querySelectorAll(selector)).filter(visible).length;
            return {
                width, height, overflowing, outside, overlaps,
                tiles: tiles.filter(visible).map(t => t.id || 'header'),
                smallestFont: Math.min(...fonts), smallestKeyFigure: Math.min(...keyFigures),
                keyFigures: keyFigures.length,
                breachLines: shown('#breach-list li.breach'), tickerLines: shown('#ticker-list li'),
                partnerLines: shown('#partner-list li.partner'),
                tickerBadges: shown('#ticker-list li > .rag-badge')
            };""";

    /** The longest parts of health the arrivals' title can be given: the longest names, two-digit counts. */
    private static final String LONGEST_HEALTH = org.mashlive.wallboard.HealthWords.breakdown(Map.of(
            "CHILD_DEVELOPMENT_CENTRE", 12, "COMMUNITY_HEALTH_VISITING", 11, "SCHOOL_NURSING", 10), ArrivalsTile.HEALTH_WIDTH);

    /** Every flag's phrase at its longest on a busy day: "Domestic abuse 12 · 3 late", and so on. */
    private static final String LONGEST_FLAGS = "for (const key of ['send', 'non-verbal', 'asylum-seeking', 'asd-concern', "
            + "'domestic-abuse']) {"
            + " document.getElementById('flag-' + key + '-count').textContent = '12';"
            + " document.getElementById('flag-' + key + '-late').textContent = '· 3 late';"
            + " const item = document.getElementById('flag-' + key);"
            + " item.classList.add('has-late'); item.classList.remove('none'); }";

    /**
     * Every oldest-waiting card's first line at its longest: a two-week age, and in the timescale's
     * place the statutory decision's day and time ("decide by Wed 23:59"), beside the widest badge.
     */
    private static final String LONGEST_OLDEST = "window.oldestAsItWas = [];"
            + "for (const key of ['red', 'amber', 'green', 'not-rated']) {"
            // badge, age, timescale, decision: by place, as a span the server has never shown is in the
            // page without its id and class
            + " const [, age, timescale, decision] = document.querySelector('#oldest-' + key + ' .oldest-line').children;"
            + " for (const el of [age, timescale, decision]) {"
            + "  window.oldestAsItWas.push([el, el.textContent, el.hasAttribute('hidden'), el.className]); }"
            + " age.textContent = '13 d 23 h';"
            + " timescale.setAttribute('hidden', '');"
            + " decision.className = 'decision'; decision.textContent = 'decide by Wed 23:59';"
            + " decision.removeAttribute('hidden'); }";

    /**
     * The forecast at the breaches' foot at its longest, every RAG breaching and more staff than
     * any would not clear them (as late in a bad day), whatever the hub's forecast now.
     */
    private static final String LONGEST_FORECAST = "const forecast = document.getElementById('breach-forecast');"
            + "window.forecastAsItWas = [forecast.textContent, forecast.hasAttribute('hidden')];"
            + "forecast.removeAttribute('hidden');"
            + "forecast.textContent = \"At today's pace 12 Red, 34 Amber, 27 Green and 11 not rated will breach by"
            + " Wed 17:00; 10 more social workers on shift would not clear them.\";";

    /**
     * The forecast at its shortest, as on a quiet day, whatever the hub's forecast now: a long one
     * takes the breaches' lines (above), a short one leaves them three.
     */
    private static final String SHORTEST_FORECAST = "document.getElementById('breach-forecast').textContent ="
            + " 'At today\\'s pace no referral will breach by 17:00.';";

    /** The forecast as the server last set it. */
    private static final String FORECAST_AS_IT_WAS = "const forecastWas = document.getElementById('breach-forecast');"
            + "forecastWas.textContent = window.forecastAsItWas[0];"
            + "if (window.forecastAsItWas[1]) forecastWas.setAttribute('hidden', '');";

    /** The oldest cards as the server last set them. */
    private static final String OLDEST_AS_IT_WAS = "for (const [el, text, hidden, className] of window.oldestAsItWas) {"
            + " el.textContent = text; el.className = className;"
            + " if (hidden) el.setAttribute('hidden', ''); else el.removeAttribute('hidden'); }";

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1920, 1080", "1280, 720", "3840, 2160", "1080, 1920"})
    void theBoardFitsTheScreenWholeAndReadable(int width, int height) throws IOException {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(100));
        wait.until(driver -> browser.executeScript("return window.innerWidth + 'x' + window.innerHeight;")
                .equals(width + "x" + height));
        // wait for the layout at this size: the board's box is the viewport
        wait.until(driver -> browser.executeScript(
                "const r = document.getElementById('board').getBoundingClientRect(); return r.width + 'x' + r.height;")
                .equals(width + "x" + height));

        // the flags tile takes turns with the capacity tile: both turns are measured, the flags' first
        // (it needs open flagged referrals, which the busy simulated hub has)
        @SuppressWarnings("unchecked")
        var flagsTurn = (Map<String, Object>) browser.executeScript(
                "document.getElementById('flags').classList.add('showing');"
                        // and the arrivals' title in its turn with health's parts, as long as they can be
                        + "document.getElementById('arrivals').classList.add('health-turn');"
                        + "document.getElementById('arrivals-health-types').textContent = '" + LONGEST_HEALTH + "';"
                        + "window.flagSendText = document.getElementById('flag-send').textContent;"
                        // and every flag as long as a busy day makes it: two-digit counts, each with some late
                        + LONGEST_FLAGS
                        // and every oldest card with its longest first line
                        + LONGEST_OLDEST + LONGEST_FORECAST + MEASURE);
        if (width > height) {
            screenshot(width, height, "-flags");
            assertThat((List<?>) flagsTurn.get("overflowing")).as("flags' turn: text overflowing its box").isEmpty();
            assertThat((List<?>) flagsTurn.get("outside")).as("flags' turn: text outside its tile").isEmpty();
            assertThat((List<?>) flagsTurn.get("overlaps")).as("flags' turn: tiles overlapping").isEmpty();
            // the longest forecast is shown whole and the breaches give it lines, keeping one
            assertThat(number(flagsTurn, "breachLines")).as("flags' turn: breach lines beside the longest forecast")
                    .isGreaterThanOrEqualTo(1);
            assertThat(((List<?>) flagsTurn.get("tiles")).stream().map(String::valueOf).toList())
                    .as("flags' turn").contains("flags").doesNotContain("capacity");
            assertThat((String) browser.executeScript("return window.flagSendText;")).as("flags in words")
                    .matches("SEND\\d+(· \\d+ late)?");
        } else {
            assertThat(((List<?>) flagsTurn.get("tiles")).stream().map(String::valueOf).toList())
                    .as("a portrait screen leaves the flags out").contains("capacity").doesNotContain("flags");
        }
        @SuppressWarnings("unchecked")
        var measured = (Map<String, Object>) browser.executeScript(
                "document.getElementById('flags').classList.remove('showing');"
                        + OLDEST_AS_IT_WAS + SHORTEST_FORECAST
                        + "document.getElementById('arrivals').classList.remove('health-turn');" + MEASURE);
        screenshot(width, height);
        browser.executeScript(FORECAST_AS_IT_WAS);

        assertThat((List<?>) measured.get("overflowing")).as("text overflowing its box").isEmpty();
        assertThat((List<?>) measured.get("outside")).as("text outside its tile or the screen").isEmpty();
        assertThat((List<?>) measured.get("overlaps")).as("tiles overlapping").isEmpty();
        // a landscape screen has the decisions tile too; a portrait one shows fewer things rather than smaller ones
        var tiles = new java.util.ArrayList<>(List.of(
                "header", "stage-rag", "oldest", "breaches", "arrivals", "capacity", "officers", "ooh", "ticker",
                "partners"));
        if (width > height) {
            tiles.add("decisions");
            assertThat(browser.findElement(By.id("signoff-count")).getText()).as("decisions awaiting sign-off")
                    .matches("\\d+");
            assertThat(browser.findElement(By.id("due-today-count")).getText()).as("decisions due today")
                    .matches("\\d+");
        }
        assertThat(((List<?>) measured.get("tiles")).stream().map(String::valueOf).toList())
                .as("the same tiles at every size of a shape").containsExactlyInAnyOrderElementsOf(tiles);
        assertThat(number(measured, "keyFigures")).as("key figures measured").isGreaterThanOrEqualTo(25 + 4 + 4);
        assertThat(number(measured, "breachLines")).as("breach lines shown").isGreaterThanOrEqualTo(3);
        assertThat(number(measured, "tickerLines")).as("ticker lines shown").isGreaterThanOrEqualTo(3);
        assertThat(number(measured, "partnerLines")).as("agencies shown waiting on partners").isGreaterThanOrEqualTo(1);
        assertThat(number(measured, "tickerBadges")).as("every ticker line shown has its RAG badge")
                .isEqualTo(number(measured, "tickerLines"));

        // type in proportion to the screen: 28 px at 1920×1080, as much more or less as the screen is
        boolean portrait = height > width;
        double scale = portrait ? Math.min(width / 1080.0, height / 1920.0) : Math.min(width / 1920.0, height / 1080.0);
        assertThat(number(measured, "smallestFont")).as("smallest text").isGreaterThanOrEqualTo(28 * scale - 0.05);
        assertThat(number(measured, "smallestKeyFigure")).as("smallest key figure").isGreaterThanOrEqualTo(48 * scale);
        if (width == 1920 && height == 1080) {
            assertThat(number(measured, "smallestFont")).isGreaterThanOrEqualTo(28);
            assertThat(number(measured, "smallestKeyFigure")).isGreaterThanOrEqualTo(48);
        }
        assertThat(browser.findElement(By.id("live-indicator")).getText()).contains("LIVE");
        // the chime's icon is on every size, its state in words where the header has room
        assertThat(browser.findElement(By.id("sound-state")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("sound-label")).isDisplayed()).isEqualTo(!portrait);
    }

    private static double number(Map<String, Object> measured, String key) {
        return ((Number) measured.get(key)).doubleValue();
    }

    private static void screenshot(int width, int height) throws IOException {
        screenshot(width, height, "");
    }

    private static void screenshot(int width, int height, String suffix) throws IOException {
        // straight through the DevTools protocol: the driver's own screenshot gives up on a large page
        // after ten seconds when the machine is busy
        var shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
        String name = "board-" + width + "x" + height + suffix + ".png";
        var target = Files.createDirectories(Path.of("target", "board-layout"));
        Files.write(target.resolve(name), png);
        String docs = System.getProperty("board.screenshots");
        if (docs != null && !docs.isBlank()) {
            Files.write(Files.createDirectories(Path.of(docs)).resolve(name), png);
        }
    }
}
