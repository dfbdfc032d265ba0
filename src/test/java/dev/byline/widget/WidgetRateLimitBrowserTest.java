package dev.byline.widget;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reader over the rate limit is asked to wait, and the widget asks again by itself when the server says it may. */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
@BrowserTest
class WidgetRateLimitBrowserTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL demoPage;

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @Test
    void should_ask_the_reader_to_wait_and_then_answer_without_being_asked_again() {
        browser = Browser.start(demoPage.getPort());
        WidgetUi widget = new WidgetUi(browser).load(demoPage.toString());
        widget.openPanel();
        for (int i = 0; i < RateLimitProfile.BURST; i++) {
            widget.ask("Question " + (i + 1) + " about Mongolia");
            assertThat(widget.awaitAnswer(i).getDomAttribute("class")).doesNotContain("problem");
        }

        widget.ask("One question too many about Mongolia");
        await().atMost(WidgetUi.PATIENCE).until(() -> widget.answers().size() > RateLimitProfile.BURST
                && "waiting".equals(widget.answers().getLast().getDomAttribute("data-state")));
        WebElement waiting = widget.answers().getLast();
        assertThat(waiting.getText()).contains("Please wait").doesNotContain("429");
        browser.screenshot("widget-rate-limited");

        // The budget refills one question every 5 seconds (RateLimitProfile): the widget retries on its own.
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(widget.answers().getLast().getDomAttribute("data-state")));
        assertThat(widget.findAll(".problem")).isEmpty();
        assertThat(widget.findAll(".msg.user")).hasSize(RateLimitProfile.BURST + 1);
        assertThat(widget.answers()).hasSize(RateLimitProfile.BURST + 1);
    }
}
