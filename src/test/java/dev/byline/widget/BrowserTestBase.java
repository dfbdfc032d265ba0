package dev.byline.widget;

import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URL;

/** One headless Chromium per test class, started before the first test and closed after the last. */
abstract class BrowserTestBase {

    static Browser browser;

    /** The demo page; the test browser also maps the other test sites to this server's port. */
    @TestHTTPResource("/")
    URL demoPage;

    @BeforeEach
    void startBrowser() {
        if (browser == null) {
            browser = Browser.start(demoPage.getPort());
        }
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
