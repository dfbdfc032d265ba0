package dev.byline.widget;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Headless Chromium driven by ChromeDriver, both the system's own (Debian's {@code chromium} and
 * {@code chromium-driver}; {@code BYLINE_CHROMIUM} / {@code BYLINE_CHROMEDRIVER} point elsewhere). Nothing is
 * downloaded: the driver path is given, so Selenium Manager is never asked, and Chromium's own background
 * traffic is switched off. The host names {@code news.example}, {@code evil.example} and {@code byline.test}
 * lead to the test server, so pages can be on other origins than Byline's.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(env("BYLINE_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(env("BYLINE_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String[] SITES = {"news.example", "evil.example", "byline.test"};

    /** The tests use WebDriver only, never DevTools: Selenium's warning that it has no DevTools for this Chromium is noise. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** @param port the test server's port, where the extra host names lead */
    static Browser start(int port) {
        if (!available()) {
            throw new IllegalStateException("The browser tests need Chromium at " + CHROMIUM + " and ChromeDriver at " + CHROMEDRIVER
                    + " (Debian: apt-get install chromium chromium-driver); " + BrowserCondition.REQUIRE + "=true says they must run");
        }
        // Belt and braces: Selenium hands SE_* properties to Selenium Manager, should anything ever call it.
        System.setProperty("SE_OFFLINE", "true");
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory("byline-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder rules = new StringBuilder();
        for (String site : SITES) {
            rules.append(rules.isEmpty() ? "" : ", ").append("MAP ").append(site).append(":80 127.0.0.1:").append(port);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-features=HttpsUpgrades,Translate,MediaRouter", "--lang=en-GB", "--window-size=1280,900",
                "--user-data-dir=" + profile, "--host-resolver-rules=" + rules);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** A new tab, so nothing (sessionStorage above all) carries over from the previous test. */
    void freshTab(Dimension size) {
        String old = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.TAB);
        String fresh = driver.getWindowHandle();
        driver.switchTo().window(old).close();
        driver.switchTo().window(fresh);
        driver.manage().window().setSize(size);
    }

    void open(String url) {
        driver.get(url);
    }

    @SuppressWarnings("unchecked")
    <T> T js(String script, Object... args) {
        return (T) ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
