package org.mashlive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core's WCAG 2.2 A and AA rules on the page a browser shows: the script (shipped in Deque's
 * jar, nothing downloaded) is put into the page and run there.
 */
public final class Axe {

    /** The rule tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String SCRIPT = load();

    private Axe() {
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read axe.min.js", e);
        }
    }

    /**
     * The violations on the page now, one line each: rule, impact, what it asks, and every element
     * that fails it with why. Empty when the page passes.
     */
    @SuppressWarnings("unchecked")
    public static List<String> violations(ChromeDriver browser) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
        browser.executeScript(SCRIPT);
        Object result = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
                  .then(results => done(results.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + '\\n'
                      + v.nodes.map(n => '    ' + n.target.join(' > ') + ' :: '
                          + (n.failureSummary || '').replace(/\\n\\s*/g, ' ')).join('\\n'))))
                  .catch(e => done(['axe failed: ' + e]));""", WCAG_22_AA);
        return (List<String>) result;
    }
}
