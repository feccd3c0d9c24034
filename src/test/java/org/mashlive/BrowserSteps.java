package org.mashlive;

import java.time.Duration;
import java.util.stream.Stream;

import org.mashlive.board.api.Access;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the wall-board again and again in the browser tests: sign in, choose, read a notification. */
public final class BrowserSteps {

    private BrowserSteps() {
    }

    /**
     * Opens {@code path} of the wall-board at {@code base}, is sent to the login page, signs in there as the
     * demo user {@code username} and waits to be back on {@code path}.
     */
    public static void signIn(ChromeDriver browser, String base, String path, String username, Duration wait) {
        browser.get(base + path);
        var waiting = new WebDriverWait(browser, wait, Duration.ofMillis(50));
        waiting.until(ExpectedConditions.urlContains("/login"));
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name='username']")))
                .sendKeys(username);
        browser.findElement(By.cssSelector("input[name='password']")).sendKeys(Access.DEMO_PASSWORD, Keys.ENTER);
        waiting.until(ExpectedConditions.urlContains(path));
    }

    /**
     * Chooses {@code label} in the Vaadin select {@code id}: its own item where it holds its items, else
     * the item shown in the menu open now (several selects may offer the same words).
     */
    public static void choose(ChromeDriver browser, String id, String label, Duration wait) {
        var waiting = new WebDriverWait(browser, wait, Duration.ofMillis(50));
        waiting.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
        var own = By.xpath("//*[@id='" + id + "']//vaadin-select-item[normalize-space()='" + label + "']");
        var shown = By.xpath("//vaadin-select-item[normalize-space()='" + label + "']");
        waiting.until(driver -> Stream.concat(driver.findElements(own).stream(), driver.findElements(shown).stream())
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), label));
    }

    /** Whether a notification saying {@code text} is on the page. */
    public static boolean notified(ChromeDriver browser, String text) {
        return Boolean.TRUE.equals(browser.executeScript("""
                return Array.from(document.querySelectorAll('vaadin-notification-card'))
                    .some(card => card.textContent.includes(arguments[0]));""", text));
    }
}
