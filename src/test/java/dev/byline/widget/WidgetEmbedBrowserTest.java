package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The widget on other sites' pages: {@code http://news.example} is allowed to embed it (byline.widget.allowed-origins),
 * {@code http://evil.example} is not. Both pages load it from {@code http://byline.test}, all three names leading to
 * the test server, so every call is a real cross-origin one.
 */
@QuarkusTest
@TestProfile(WidgetBrowserProfile.class)
@BrowserTest
class WidgetEmbedBrowserTest extends BrowserTestBase {

    @Inject
    WidgetAnswerer answerer;

    private WidgetUi widget;

    @BeforeEach
    void freshTab() {
        WidgetArticles.ensureIngested();
        browser.freshTab(WidgetChatBrowserTest.DESKTOP);
        widget = new WidgetUi(browser);
    }

    @Test
    void should_take_its_settings_from_the_script_tag_and_answer_on_an_allowed_site() {
        widget.load("http://news.example/test-site/news-page.html");

        await("data-byline-open").atMost(WidgetUi.PATIENCE).until(widget::isOpen);
        assertThat(widget.find("h2").getText()).isEqualTo("Ask Example News");
        assertThat(widget.find("textarea").getDomAttribute("placeholder")).isEqualTo("Your question");
        assertThat(widget.find(".greeting").getText()).isEqualTo("Questions about our Mongolia coverage?");
        Map<String, Object> panel = widget.rect(".panel");
        assertThat(((Number) panel.get("left")).doubleValue()).as("data-byline-position=left").isLessThan(40);
        assertThat(widget.style("header", "background-color")).isEqualTo("rgb(255, 212, 0)");
        assertThat(widget.style("header", "color")).as("dark text on a light accent").isEqualTo("rgb(17, 17, 17)");

        widget.ask("When will Putin arrive in Ulaanbaatar?");
        WebElement answer = widget.awaitAnswer(0);
        assertThat(answer.getDomAttribute("class")).contains("grounded");
        assertThat(widget.find(".chip").getDomProperty("href")).isEqualTo(WidgetAnswerer.GROUNDED_URL);
        browser.screenshot("widget-on-another-site");
    }

    @Test
    void should_keep_the_host_pages_css_out() {
        widget.load("http://news.example/test-site/news-page.html");
        await().atMost(WidgetUi.PATIENCE).until(widget::isOpen);

        // The page sets every element to 40px red Comic Sans, hides buttons, and tries to hide the widget itself.
        assertThat(browser.<String>js("return getComputedStyle(document.querySelector('byline-chat')).display;")).isNotEqualTo("none");
        assertThat(widget.find(".send").isDisplayed()).isTrue();
        assertThat(widget.find("textarea").isDisplayed()).isTrue();
        assertThat(widget.style(".greeting", "font-size")).isEqualTo("15px");
        assertThat(widget.style(".greeting", "color")).isEqualTo("rgb(27, 27, 27)");
        assertThat(widget.style(".greeting", "letter-spacing")).isEqualTo("normal");
        assertThat(widget.style(".panel", "border-top-width")).isEqualTo("1px");
    }

    @Test
    void should_refuse_a_site_not_allowed_before_anything_is_answered() {
        widget.load("http://evil.example/test-site/news-page.html");
        await().atMost(WidgetUi.PATIENCE).until(widget::isOpen);
        int before = answerer.calls();

        widget.ask("When will Putin arrive in Ulaanbaatar?");
        WebElement failed = widget.awaitAnswer(0);

        assertThat(failed.getText()).contains("Couldn't reach the answer service");
        assertThat(widget.findAll(".chip")).isEmpty();
        assertThat(answerer.calls()).as("the refused site got no answer made").isEqualTo(before);
        browser.screenshot("widget-refused-origin");
    }

    @Test
    void should_start_from_a_script_call_on_pages_that_load_it_themselves() {
        widget.load("http://news.example/test-site/dynamic-page.html");

        await().atMost(WidgetUi.PATIENCE).until(widget::isOpen);
        assertThat(browser.<Long>js("return document.querySelectorAll('byline-chat').length;")).as("one widget, not two").isEqualTo(1);
        assertThat(widget.find("h2").getText()).isEqualTo("Dynamic title");
        assertThat(widget.find("textarea").getDomAttribute("placeholder")).isEqualTo("Dynamic placeholder");
        assertThat(((Number) widget.rect(".panel").get("left")).doubleValue()).isLessThan(40);

        widget.ask("When will Putin arrive in Ulaanbaatar?");
        assertThat(widget.awaitAnswer(0).getDomAttribute("class")).contains("grounded");
    }
}
