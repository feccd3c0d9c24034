package org.mashlive.wallboard.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mashlive.Browser;
import org.mashlive.MashLive;
import org.mashlive.TestClients;
import org.mashlive.board.api.Access;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

/**
 * The "waiting on partners" tile of the kiosk board in headless chromium with every agency waited on,
 * more than any screen's tile has lines for, at 1280×720, 1920×1080, 3840×2160 and a portrait
 * 1080×1920: the agencies shown are the most urgent, the line for the rest counts what they hold, and
 * together they add up to the title; nothing in the tile overflows or lies on anything else, and its
 * type is in proportion to the screen. Red requests are due after a second here, so some are overdue.
 * The out-of-hours tile's words stay whole inside it too: when the test runs out of hours the
 * referrals are contacts to pick up, listed under a rota gap whose words take two lines, and the
 * line of their references with its count of the rest must not run past the tile's foot. A screenshot of each size goes to {@code target/board-lists/}.
 */
class BoardListsBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Agency, health service, RAG: twelve requests, four of them Red and so overdue within a second. */
    private static final List<List<String>> ASKED = List.of(
            List.of("HEALTH", "GP", "RED"), List.of("HEALTH", "SCHOOL_NURSING", "RED"),
            List.of("HEALTH", "GP", "AMBER"), List.of("POLICE", "", "RED"), List.of("POLICE", "", "AMBER"),
            List.of("EDUCATION", "", "AMBER"), List.of("EDUCATION", "", "GREEN"), List.of("PROBATION", "", "RED"),
            List.of("HOUSING", "", "AMBER"), List.of("OTHER_LOCAL_AUTHORITY", "", "AMBER"),
            List.of("BORDER_FORCE", "", "AMBER"), List.of("BORDER_FORCE", "", "GREEN"));

    /**
     * When the referrals were taken: the end of the last working day to have ended, a moment out of
     * hours that the tile counts among the contacts to pick up until the next working day ends.
     */
    private static final java.time.Instant TAKEN_OUT_OF_HOURS = lastEndOfCoreHours(java.time.Instant.now());

    private static java.time.Instant lastEndOfCoreHours(java.time.Instant now) {
        var core = org.mashlive.board.api.CoreHours.WEEKDAYS;
        return core.endOf(core.startOfLastWorkingDay(now).atZone(core.zone()).toLocalDate());
    }

    private static MashLive.Running app;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        app = MashLive.start("--mash.backend.port=0", "--mash.rsocket.port=0", "--mash.wallboard.port=0",
                "--mash.simulation.enabled=false", "--mash.partners.response-times.default.red=1s");
        int port = Integer.parseInt(app.backend().getEnvironment().getProperty("local.server.port"));
        var lead = TestClients.web(port, TestClients.demoUser("duty.lead"));
        var intake = app.backend().getBean(org.mashlive.referral.ReferralService.class);
        var json = app.backend().getBean(tools.jackson.databind.json.JsonMapper.class);
        for (int i = 0; i < ASKED.size(); i++) {
            // a referral each, from a school by email (a police notification would bring police checks of
            // its own), taken out of hours so that the tile has contacts to pick up at any time of day
            var contact = json.readValue("""
                    {"externalRef": "PARTNERS-TILE-%d", "channel": "EMAIL", "source": "EDUCATION",
                     "child": {"firstName": "Wilhelmina", "lastName": "Quartermaine", "dateOfBirth": "2015-02-03"},
                     "concern": "Often absent.", "rag": "AMBER", "consent": "GIVEN"}""".formatted(i),
                    org.mashlive.referral.NewReferral.class);
            var referral = intake.receive(contact, TAKEN_OUT_OF_HOURS).block(WAIT).referral();
            var asked = ASKED.get(i);
            var body = new java.util.HashMap<String, String>(Map.of("agency", asked.get(0), "rag", asked.get(2),
                    "asked", "Anything known"));
            if (!asked.get(1).isEmpty()) {
                body.put("healthService", asked.get(1));
            }
            lead.post().uri("/api/referrals/{ref}/partner-requests", referral.reference())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().toBodilessEntity().block(WAIT);
        }
        browser = Browser.start();
        try {
            browser.get("http://localhost:" + app.wallboard().getEnvironment().getProperty("local.server.port")
                    + "/board?kiosk=" + Access.DEMO_KIOSK_TOKEN);
        } catch (TimeoutException slowMachine) {
            // a starved renderer may answer late; the wait below tells whether the board came
        }
        var wait = new WebDriverWait(browser, WAIT, Duration.ofMillis(100));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live-indicator"), "LIVE"));
        wait.until(ExpectedConditions.textToBe(By.id("partners-waiting"), "12"));
        wait.until(ExpectedConditions.textToBe(By.id("partners-overdue"), "· 4 overdue"));
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

    /** What the tile shows of itself: the agencies' lines and the line for the rest, as far as they are visible. */
    private static final String MEASURE = """
            const tile = document.getElementById('partners');
            const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
            const t = tile.getBoundingClientRect();
            const rows = Array.from(tile.querySelectorAll('#partner-list > li.partner')).filter(visible).map(li => ({
                agency: li.dataset.agency,
                waiting: parseInt(li.querySelector('.open').textContent, 10),
                overdue: parseInt((li.querySelector('.overdue') || {textContent: '0'}).textContent, 10) || 0}));
            const variants = Array.from(tile.querySelectorAll('#partner-list .more-variant')).filter(visible);
            const more = variants.map(v => v.innerText.trim());
            const overflowing = [], outside = [], fonts = [];
            const texts = [];
            for (const el of tile.querySelectorAll('*')) {
                if (!visible(el) || !el.textContent.trim()) continue;
                if (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight) {
                    overflowing.push((el.id || el.className) + ' "' + el.textContent.trim() + '" scroll '
                        + el.scrollWidth + 'x' + el.scrollHeight + ' > client ' + el.clientWidth + 'x' + el.clientHeight);
                }
                if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
                const r = el.getBoundingClientRect();
                if (r.left < t.left - 0.5 || r.top < t.top - 0.5 || r.right > t.right + 0.5 || r.bottom > t.bottom + 0.5) {
                    outside.push('"' + el.textContent.trim() + '" at ' + [r.left, r.top, r.right, r.bottom].map(Math.round)
                        + ' beyond ' + [t.left, t.top, t.right, t.bottom].map(Math.round));
                }
                fonts.push(parseFloat(getComputedStyle(el).fontSize));
                texts.push({text: el.textContent.trim(), r});
            }
            // no two texts of the list on one another
            const overlapping = [];
            const inList = texts.filter(x => x.r.top >= document.getElementById('partner-list').getBoundingClientRect().top - 0.5);
            inList.forEach((a, i) => inList.slice(i + 1).forEach(b => {
                const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
                const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
                if (w > 0.5 && h > 0.5) overlapping.push('"' + a.text + '" on "' + b.text + '"');
            }));
            return {rows, more, overflowing, outside, overlapping, smallestFont: Math.min(...fonts),
                tileText: tile.textContent};""";

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1280, 720", "1920, 1080", "3840, 2160", "1080, 1920"})
    void theAgenciesShownAndTheLineForTheRestAddUpToTheTitle(int width, int height) throws IOException {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(100));
        wait.until(driver -> browser.executeScript(
                "const r = document.getElementById('board').getBoundingClientRect(); return r.width + 'x' + r.height;")
                .equals(width + "x" + height));
        @SuppressWarnings("unchecked")
        var measured = (Map<String, Object>) browser.executeScript(MEASURE);
        screenshot(width, height);

        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) measured.get("rows");
        @SuppressWarnings("unchecked")
        var more = (List<String>) measured.get("more");
        // seven agencies wait: more than the tile has lines for at any of these sizes
        assertThat(rows).as("agencies shown").isNotEmpty().hasSizeLessThan(7);
        // the most urgent first: health has two overdue
        assertThat(rows.getFirst().get("agency")).isEqualTo("HEALTH");
        assertThat(more).as("one line for the agencies not shown").hasSize(1);
        String words = more.getFirst();
        // on a line of its own "+2 more agencies · 5 waiting · 1 overdue"; at the end of the one agency's
        // line that fits "+2 more · 5 waiting", in a narrow portrait tile "+2 more"
        boolean portrait = height > width;
        assertThat(words).matches(rows.size() > 1 ? "\\+\\d+ more agenc(y|ies) · \\d+ waiting( · \\d+ overdue)?"
                : portrait ? "\\+\\d+ more" : "\\+\\d+ more · \\d+ waiting");
        int hiddenAgencies = Integer.parseInt(words.replaceFirst("^\\+(\\d+).*", "$1"));
        int hiddenWaiting = words.contains("waiting") ? Integer.parseInt(words.replaceFirst(".* (\\d+) waiting.*", "$1")) : -1;
        int hiddenOverdue = words.contains("overdue") ? Integer.parseInt(words.replaceFirst(".* (\\d+) overdue$", "$1")) : 0;
        // the count at the end of the one line leaves the overdue to the title
        boolean inline = rows.size() == 1;
        int shownWaiting = rows.stream().mapToInt(row -> ((Number) row.get("waiting")).intValue()).sum();
        int shownOverdue = rows.stream().mapToInt(row -> ((Number) row.get("overdue")).intValue()).sum();
        assertThat(rows.size() + hiddenAgencies).as("agencies: " + rows + " and " + words).isEqualTo(7);
        if (hiddenWaiting >= 0) {
            assertThat(shownWaiting + hiddenWaiting).as("waiting: " + rows + " and " + words).isEqualTo(12);
        }
        if (!inline) {
            assertThat(shownOverdue + hiddenOverdue).as("overdue: " + rows + " and " + words).isEqualTo(4);
        }

        assertThat((List<?>) measured.get("overflowing")).as("text overflowing its box").isEmpty();
        assertThat((List<?>) measured.get("outside")).as("text outside the tile").isEmpty();
        assertThat((List<?>) measured.get("overlapping")).as("texts on one another").isEmpty();
        double scale = portrait ? Math.min(width / 1080.0, height / 1920.0)
                : Math.min(width / 1920.0, height / 1080.0);
        assertThat(((Number) measured.get("smallestFont")).doubleValue()).as("smallest text")
                .isGreaterThanOrEqualTo(28 * scale - 0.05);
        assertThat((List<?>) browser.executeScript(OOH_OUTSIDE)).as("out-of-hours text past its tile").isEmpty();
        // the rota's longest words, as out of hours with nobody on duty, and its shortest, as in core
        // hours, whatever the time of day now: the contacts to pick up are counted either way, their
        // reference shown where a whole line is left, never past the tile
        @SuppressWarnings("unchecked")
        var longest = (Map<String, Object>) browser.executeScript(OOH_WITH_ROTA, "Nobody on duty", "",
                "Wed 08:45 → core hours", "", "GAP Sat 17:40–Mon 08:45 · 0 of 1 on duty (+12 more)");
        assertThat((List<?>) longest.get("outside")).as("out of hours, longest rota: text past the tile").isEmpty();
        assertThat(longest.get("count")).as("out of hours, longest rota: contacts to pick up").isEqualTo("12");
        // two on duty, handing over to two, one of them with a long name
        @SuppressWarnings("unchecked")
        var two = (Map<String, Object>) browser.executeScript(OOH_WITH_ROTA, "A. Rahman, J. Patel", "",
                "Sat 08:45 → K. Osei, M. Okonkwo-Smith", "", "GAP Sat 17:40–Mon 08:45 · 1 of 2 on duty (+12 more)");
        assertThat((List<?>) two.get("outside")).as("two on duty: text past the tile").isEmpty();
        assertThat(two.get("count")).as("two on duty: contacts to pick up").isEqualTo("12");
        // three on duty, handing over to four, long names: two names a line, cut short where the
        // line ends, and how many more whole
        @SuppressWarnings("unchecked")
        var three = (Map<String, Object>) browser.executeScript(OOH_WITH_ROTA, "J. Patel, M. Okonkwo-Smith", " +1 more",
                "Sat 08:45 → K. Osei, M. Okonkwo-Smith", " +2 more", "GAP Sat 17:40–Mon 08:45 · 1 of 2 on duty (+12 more)");
        assertThat((List<?>) three.get("outside")).as("three on duty: text past the tile").isEmpty();
        assertThat(three.get("count")).as("three on duty: contacts to pick up").isEqualTo("12");
        assertThat(three.get("more")).as("three on duty: how many more, whole").isEqualTo(List.of("+1 more", "+2 more"));
        @SuppressWarnings("unchecked")
        var shortest = (Map<String, Object>) browser.executeScript(OOH_WITH_ROTA, "Core hours · the hub", "",
                "17:00 → K. Osei", "", "No gaps in the next 72 h");
        assertThat((List<?>) shortest.get("outside")).as("core hours: text past the tile").isEmpty();
        assertThat(shortest.get("count")).as("core hours: contacts to pick up").isEqualTo("12");
        // a portrait tile has no room for the reference below the rota
        assertThat(shortest.get("references")).as("core hours: the oldest reference and the rest")
                .isEqualTo(portrait ? "" : "MASH-%d-000001 · +11 more".formatted(
                        TAKEN_OUT_OF_HOURS.atZone(org.mashlive.board.api.CoreHours.WEEKDAYS.zone()).getYear()));
        assertThat((String) measured.get("tileText")).doesNotContain("Wilhelmina").doesNotContain("Quartermaine")
                .doesNotContain("2015").doesNotContain("MASH-");
    }

    /** The texts of the out-of-hours tile that lie outside it, in part or whole. */
    private static final String OOH_OUTSIDE = """
            const tile = document.getElementById('ooh');
            const t = tile.getBoundingClientRect();
            return Array.from(tile.querySelectorAll('*'))
                .filter(el => el.getClientRects().length > 0
                    && Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim()))
                .filter(el => { const r = el.getBoundingClientRect();
                    return r.left < t.left - 0.5 || r.top < t.top - 0.5 || r.right > t.right + 0.5 || r.bottom > t.bottom + 0.5; })
                .map(el => '"' + el.textContent.trim() + '"');""";

    /**
     * The out-of-hours tile with the rota's words the arguments give (who covers now and how many
     * more, the next handover and how many more, the next gap), measured, then as the server last
     * set them: the texts past the tile, the count of the contacts to pick up, the reference line,
     * each as shown (empty when not shown), and the how-many-mores shown whole.
     */
    private static final String OOH_WITH_ROTA = """
            const ids = ['ooh-covering-names', 'ooh-covering-more', 'ooh-handover-names', 'ooh-handover-more', 'ooh-gap'];
            const asItWas = ids.map((id, i) => {
                const el = document.getElementById(id);
                const value = el.closest('.row-value');
                const was = [el, el.textContent, value, value.className];
                el.textContent = arguments[i];
                if (!id.endsWith('-more')) {
                    value.classList.toggle('gap', arguments[i] === 'Nobody on duty' || arguments[i].startsWith('GAP'));
                }
                return was; });
            const shown = el => el.getClientRects().length > 0 ? el.textContent.trim() : '';
            const whole = el => { const r = el.getBoundingClientRect(); const line = el.parentElement.getBoundingClientRect();
                return el.textContent.trim() && el.scrollWidth <= el.clientWidth + 0.5 && r.right <= line.right + 0.5
                    ? el.textContent.trim() : ''; };
            const outside = (() => {""" + OOH_OUTSIDE + """
            })();
            const measured = {outside, count: shown(document.getElementById('ooh-contacts-count')),
                references: shown(document.getElementById('ooh-contacts-refs')),
                more: ['ooh-covering-more', 'ooh-handover-more'].map(id => whole(document.getElementById(id))).filter(t => t)};
            for (const [el, text, value, className] of asItWas.reverse()) { el.textContent = text; value.className = className; }
            return measured;""";

    private static void screenshot(int width, int height) throws IOException {
        var shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(Files.createDirectories(Path.of("target", "board-lists"))
                .resolve("partners-" + width + "x" + height + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
    }
}
