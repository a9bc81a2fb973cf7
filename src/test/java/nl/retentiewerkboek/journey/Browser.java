package nl.retentiewerkboek.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's chromium and chromium-driver) driven by Selenium, with the
 * helpers the journeys need: typing into Vaadin fields, waiting for Vaadin, screenshots and axe-core.
 * When Chromium or its driver is missing the journey fails: CI installs them.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    private final String base;
    private final WebDriverWait wait;

    Browser(String base) {
        assertThat(CHROMIUM)
                .as("Chromium is needed for the browser journeys (apt-get install chromium)")
                .isExecutable();
        assertThat(DRIVER)
                .as("ChromeDriver is needed for the browser journeys (apt-get install chromium-driver)")
                .isExecutable();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=nl-NL");
        // the console, to find Content-Security-Policy violations (every journey fails on one)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        this.driver = new ChromeDriver(service, options);
        this.base = base;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Logs in through the login page and waits for the workbook. */
    void logIn(String username, String password) {
        open("/login");
        type("vaadinLoginUsername", username);
        find("#vaadinLoginPassword input").sendKeys(password);
        click("vaadin-login-form vaadin-button[slot='submit']");
        // a participant lands on the workbook, a trainer or a beheerder on "Mijn groepen"
        wait.until(d -> List.of("/", "/groepen")
                .contains(d.getCurrentUrl().replace(base, "").replaceAll("\\?.*", "")));
        waitForVaadin();
    }

    void open(String path) {
        driver.get(base + path);
        waitForVaadin();
    }

    void waitForVaadin() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete' && !!window.Vaadin && !!window.Vaadin.Flow"
                        + " && Object.values(window.Vaadin.Flow.clients || {}).every(c => !c.isActive())")));
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    void click(String css) {
        WebElement element = find(css);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        waitForVaadin();
    }

    /** Opens a Vaadin select and picks the item with this text, as a user does. */
    void choose(String selectCss, String itemText) {
        click(selectCss);
        wait.withMessage(() -> selectCss + " to offer \"" + itemText + "\"")
                .until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("""
                        const select = document.querySelector(arguments[1]);
                        const opened = document.querySelector('vaadin-select-overlay[opened]');
                        const scope = [...(select ? select.querySelectorAll('vaadin-select-item') : []),
                                       ...(opened ? opened.querySelectorAll('vaadin-select-item') : [])];
                        const item = scope.find(i => i.textContent.trim() === arguments[0]);
                        if (!item) return false;
                        item.click();
                        return true;""", itemText, selectCss));
        waitForVaadin();
    }

    /** Types into a Vaadin text field (its input lives in the light DOM) and leaves the field. */
    void type(String fieldId, String text) {
        WebElement input = find("#" + fieldId + " input");
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        waitForVaadin();
    }

    String valueOf(String fieldId) {
        return find("#" + fieldId + " input").getDomProperty("value");
    }

    /** Waits until an element's text content holds the text (also when it is scrolled out of view). */
    void waitForText(String css, String text) {
        String[] last = {null};
        wait.withMessage(() -> css + " to contain \"" + text + "\" but it was: " + last[0])
                .until(d -> {
                    Object content = ((JavascriptExecutor) d)
                            .executeScript(
                                    "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
                                    css);
                    last[0] = content == null ? null : content.toString();
                    return content != null
                            && content.toString().replace('\u00a0', ' ').contains(text);
                });
    }

    /** All text of an element, its shadow roots included (e.g. the login form's error message). */
    String shadowText(String css) {
        Object text = ((JavascriptExecutor) driver).executeScript("""
                const walk = n => { let t = ''; if (n.shadowRoot) t += walk(n.shadowRoot);
                  for (const c of n.childNodes) t += c.nodeType === 3 ? c.textContent : walk(c); return t; };
                const e = document.querySelector(arguments[0]); return e ? walk(e) : '';""", css);
        return String.valueOf(text).replace('\u00a0', ' ');
    }

    String text(String css) {
        return find(css).getText();
    }

    void waitForPath(String path) {
        wait.until(
                d -> d.getCurrentUrl().replace(base, "").replaceAll("\\?.*", "").equals(path));
        waitForVaadin();
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * The whole page in one picture: the window is made as tall as the page's content (which scrolls inside the
     * app layout, not the document) for the moment of the picture, at the same width.
     */
    Path fullScreenshot(String name) throws IOException, InterruptedException {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) driver).executeScript("""
                const layout = document.querySelector('vaadin-app-layout');
                const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
                const view = layout && layout.querySelector(':scope > :not([slot])');
                return Math.max(...[document.documentElement, document.body, layout, content, view]
                    .filter(e => e)
                    .map(e => e.scrollHeight + Math.max(0, e.getBoundingClientRect().top)));""");
        resize(before.getWidth(), Math.min(12_000, Math.max(before.getHeight(), height.intValue() + 20)));
        Thread.sleep(300);
        try {
            return screenshot(name);
        } finally {
            resize(before.getWidth(), before.getHeight());
        }
    }

    /** Sends a file to a vaadin-upload through its file input (inside the component's shadow root). */
    void uploadFile(String uploadCss, Path file) {
        WebElement upload = find(uploadCss);
        WebElement input = upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"));
        input.sendKeys(file.toAbsolutePath().toString());
        waitForVaadin();
    }

    /** Fetches what a download link serves, in this browser's session, as bytes. */
    byte[] download(String anchorCss) {
        WebElement anchor = find(anchorCss);
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].href, { credentials: 'same-origin' })
                  .then(r => r.arrayBuffer())
                  .then(b => { let s = ''; const a = new Uint8Array(b); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]); done(btoa(s)); })
                  .catch(e => done('ERROR ' + e));
                """, anchor);
        String text = String.valueOf(base64);
        assertThat(text).doesNotStartWith("ERROR");
        return Base64.getDecoder().decode(text);
    }

    Path elementScreenshot(String css, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        WebElement element = find(css);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, element.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Runs axe-core (the version Deque's Selenium integration bundles) on the page and returns the serious and
     * critical violations (id: help, nodes).
     */
    List<String> seriousAccessibilityViolations() {
        Results results = new AxeBuilder()
                .disableIframeTesting()
                .exclude("vaadin-dev-tools")
                .analyze(driver);
        assertThat(results.isErrored())
                .as("axe-core ran: " + results.getErrorMessage())
                .isFalse();
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " — "
                        + v.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .toList())
                .toList();
    }

    /** The version of axe-core that checks the pages. */
    String axeVersion() {
        return new AxeBuilder()
                .disableIframeTesting()
                .analyze(driver)
                .getTestEngine()
                .getVersion();
    }

    private final List<String> console = new ArrayList<>();

    /** What the browser logged to its console so far. */
    List<String> console() {
        try {
            driver.manage()
                    .logs()
                    .get(LogType.BROWSER)
                    .getAll()
                    .forEach(entry -> console.add(entry.getLevel() + " " + entry.getMessage()));
        } catch (RuntimeException browserGone) {
            // the session already ended
        }
        return List.copyOf(console);
    }

    /** Forgets what the console said so far (after a test provoked a violation on purpose). */
    void clearConsole() {
        console();
        console.clear();
    }

    /** Console lines that report a blocked resource or script under the Content-Security-Policy. */
    List<String> cspViolations() {
        return console().stream()
                .filter(line -> line.contains("Content Security Policy") || line.contains("Content-Security-Policy"))
                .toList();
    }

    @Override
    public void close() {
        List<String> violations = cspViolations();
        driver.quit();
        assertThat(violations)
                .as("Content-Security-Policy violations in the browser console")
                .isEmpty();
    }
}
