package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reader on the demo page: asks, watches the answer stream in, follows citations, reloads, starts again, meets errors. */
@QuarkusTest
@TestProfile(WidgetBrowserProfile.class)
@BrowserTest
class WidgetChatBrowserTest extends BrowserTestBase {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    @Inject
    WidgetAnswerer answerer;

    private WidgetUi widget;

    @BeforeEach
    void freshTab() {
        WidgetArticles.ensureIngested();
        browser.freshTab(DESKTOP);
        widget = new WidgetUi(browser).load(demoPage.toString());
    }

    @Test
    void should_stream_the_answer_and_link_each_citation_chip_to_the_cited_article() {
        widget.openPanel();
        assertThat(widget.focused()).as("opening puts the reader in the input").startsWith("textarea");
        widget.recordStreaming();

        widget.ask("When will Putin arrive in Ulaanbaatar?");
        WebElement answer = widget.awaitAnswer(0);

        List<String> streamed = widget.streamedTexts();
        assertThat(streamed).as("the answer appeared a few words at a time").hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < streamed.size(); i++) {
            assertThat(streamed.get(i)).startsWith(streamed.get(i - 1)).isNotEqualTo(streamed.get(i - 1));
        }
        assertThat(streamed.getFirst()).startsWith("Putin is");
        assertThat(answer.getDomAttribute("class")).contains("grounded");
        assertThat(answer.getText()).contains("Putin is due in Ulaanbaatar on September 3").doesNotContain("[1]");
        assertThat(widget.findAll(".grounded .text strong")).as("the date asked for is in bold, with the year inserted after it")
                .extracting(WebElement::getText).containsExactly("September 3", "2024");
        assertThat(answer.getText()).contains("on September 3 [2024]");
        List<WebElement> chips = widget.findAll(".grounded .chip");
        assertThat(chips).extracting(WebElement::getText).containsExactly("1", "2");
        assertThat(chips.getFirst().getTagName()).isEqualTo("a");
        assertThat(chips.getFirst().getDomProperty("href")).isEqualTo(WidgetAnswerer.GROUNDED_URL);
        assertThat(chips.getFirst().getDomAttribute("target")).isEqualTo("_blank");
        assertThat(chips.getFirst().getDomAttribute("rel")).contains("noopener");
        assertThat(chips.get(1).getTagName()).as("the demo article has no URL: its chip shows the passage only").isEqualTo("button");

        List<WebElement> sources = widget.findAll(".grounded .sources li");
        assertThat(sources).hasSize(2);
        assertThat(sources.getFirst().getText()).contains("Putin due in Ulaanbaatar for the Khalkhin Gol anniversary")
                .contains("Example News").contains("2024");
        assertThat(widget.find(".grounded .sources a").getDomProperty("href")).isEqualTo(WidgetAnswerer.GROUNDED_URL);
        browser.screenshot("widget-answer");

        new Actions(browser.driver()).moveToElement(chips.getFirst()).perform();
        await().atMost(WidgetUi.PATIENCE).until(() -> !widget.find(".tip").getDomProperty("hidden").equals("true"));
        assertThat(widget.find(".tip").getText()).contains("Ulaanbaatar on September 3 for talks with Mongolian President");
        browser.screenshot("widget-passage");
    }

    @Test
    void should_keep_the_conversation_through_a_reload_and_forget_it_on_new_chat() {
        widget.openPanel();
        widget.ask("When will Putin arrive in Ulaanbaatar?");
        widget.awaitAnswer(0);

        browser.driver().navigate().refresh();
        widget.load(demoPage.toString());

        assertThat(widget.isOpen()).as("the panel is open again").isTrue();
        assertThat(widget.find(".msg.user").getText()).contains("When will Putin arrive in Ulaanbaatar?");
        assertThat(widget.answers()).hasSize(1);
        assertThat(widget.find(".grounded .chip").getDomProperty("href")).isEqualTo(WidgetAnswerer.GROUNDED_URL);

        widget.ask("And what does the visit mark?");
        widget.awaitAnswer(1);
        assertThat(answerer.lastHistory()).as("the follow-up went on the same conversation").hasSize(1);

        widget.find(".reset").click();
        assertThat(widget.findAll(".msg.user")).isEmpty();
        assertThat(widget.answers()).isEmpty();
        assertThat(widget.focused()).startsWith("textarea");
        browser.driver().navigate().refresh();
        widget.load(demoPage.toString());
        assertThat(widget.findAll(".msg.user")).as("a new chat stays new after a reload").isEmpty();

        widget.ask("When will Putin arrive in Ulaanbaatar?");
        widget.awaitAnswer(0);
        assertThat(answerer.lastHistory()).as("a new chat starts a new conversation").isEmpty();
    }

    @Test
    void should_mark_an_answer_the_articles_do_not_support() {
        widget.openPanel();
        widget.ask("What will the weather be like tomorrow?");
        WebElement answer = widget.awaitAnswer(0);

        assertThat(answer.getDomAttribute("class")).contains("declined").doesNotContain("grounded");
        assertThat(widget.find(".declined .badge").getText()).isEqualTo("Not in the articles");
        assertThat(answer.getText()).contains("The articles don't say");
        assertThat(widget.findAll(".declined .sources, .declined .chip")).isEmpty();
        assertThat(widget.style(".declined", "background-color")).isNotEqualTo(widget.style(".msg.greeting", "background-color"));
    }

    @Test
    void should_say_calmly_that_answering_failed_and_answer_on_retry() {
        widget.openPanel();
        widget.ask("A flaky question about Ulaanbaatar");
        WebElement failed = widget.awaitAnswer(0);

        assertThat(failed.getText()).contains("Something went wrong while answering. Please try again.")
                .doesNotContain("Exception").doesNotContain("scripted failure").doesNotContain("500");
        widget.find(".problem .retry").click();

        WebElement answer = widget.awaitAnswer(0);
        assertThat(answer.getDomAttribute("class")).contains("grounded");
        assertThat(widget.findAll(".problem")).isEmpty();
        assertThat(widget.findAll(".msg.user")).as("the question is not repeated").hasSize(1);
    }

    @Test
    void should_offer_to_ask_again_when_the_page_was_left_while_an_answer_was_coming() {
        // What sessionStorage holds when the reader reloaded before the answer was done: the question, no answer.
        browser.js("sessionStorage.setItem('byline:' + location.origin, JSON.stringify({id: null, open: true, "
                + "items: [{role: 'user', text: 'When will Putin arrive in Ulaanbaatar?'}]}));");
        browser.driver().navigate().refresh();
        widget.load(demoPage.toString());

        WebElement interrupted = widget.awaitAnswer(0);
        assertThat(interrupted.getText()).contains("This answer was interrupted");
        widget.find(".problem .retry").click();

        assertThat(widget.awaitAnswer(0).getDomAttribute("class")).contains("grounded");
        assertThat(widget.findAll(".msg.user")).hasSize(1);
    }

    @Test
    void should_offer_retry_when_the_server_cannot_be_reached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        browser.js("Byline.init({endpoint: arguments[0], open: true});", "http://127.0.0.1:" + closedPort);
        await().atMost(WidgetUi.PATIENCE).until(widget::isOpen);

        widget.ask("Is anyone there?");
        WebElement failed = widget.awaitAnswer(0);

        assertThat(failed.getText()).contains("Couldn't reach the answer service").doesNotContain("TypeError");
        assertThat(widget.find(".problem .retry").isDisplayed()).isTrue();
    }

    @Test
    void should_make_no_request_but_to_its_own_server() {
        widget.openPanel();
        widget.ask("When will Putin arrive in Ulaanbaatar?");
        widget.awaitAnswer(0);

        List<String> requested = browser.js("return performance.getEntriesByType('resource').map(e => e.name);");
        String origin = demoPage.getProtocol() + "://" + demoPage.getAuthority();
        assertThat(requested).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(origin));
        assertThat(requested).anySatisfy(url -> assertThat(url).endsWith("/api/v1/chat"));
    }
}
