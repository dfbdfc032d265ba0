package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reader over the rate limit is asked to wait, and the widget asks again by itself when the server says it may. */
@QuarkusTest
@TestProfile(RateLimitProfile.class)
@BrowserTest
class WidgetRateLimitBrowserTest extends BrowserTestBase {

    @Test
    void should_ask_the_reader_to_wait_and_then_answer_without_being_asked_again() {
        WidgetUi widget = new WidgetUi(browser).load(demoPage.toString());
        widget.openPanel();
        widget.ask("A first question about Mongolia");
        assertThat(widget.awaitAnswer(0).getDomAttribute("class")).doesNotContain("problem");

        // The browser and this test are the same client (127.0.0.1): use up its budget, however fast answers come.
        long retryAfter = 0;
        for (int i = 0; i < 10 && retryAfter < 3; i++) {
            Response r = given().contentType(ContentType.JSON).body("{\"query\": \"Mongolia\", \"k\": 1}").post("/api/v1/search");
            retryAfter = r.statusCode() == 429 ? Long.parseLong(r.header("Retry-After")) : 0;
        }
        assertThat(retryAfter).as("the budget is used up for a few seconds").isGreaterThanOrEqualTo(3);

        widget.ask("One question too many about Mongolia");
        await().atMost(WidgetUi.PATIENCE).until(() -> widget.answerStates().equals(List.of("done", "waiting")));
        assertThat(widget.lastAnswerText()).contains("Please wait").doesNotContain("429");
        browser.screenshot("widget-rate-limited");

        // The budget refills one question every 5 seconds (RateLimitProfile): the widget asks again on its own.
        // The waiting answer is replaced by the new one, so the states are read afresh each time.
        await().atMost(Duration.ofSeconds(30)).until(() -> widget.answerStates().equals(List.of("done", "done")));
        assertThat(widget.findAll(".problem")).isEmpty();
        assertThat(widget.findAll(".msg.user")).hasSize(2);
        assertThat(widget.answers()).hasSize(2);
    }
}
