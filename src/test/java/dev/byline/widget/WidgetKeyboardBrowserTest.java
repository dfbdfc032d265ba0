package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Keyboard alone, screen-reader semantics, and a 360 px wide phone screen. */
@QuarkusTest
@TestProfile(WidgetBrowserProfile.class)
@BrowserTest
class WidgetKeyboardBrowserTest extends BrowserTestBase {

    private WidgetUi widget;

    @BeforeEach
    void ingest() {
        WidgetArticles.ensureIngested();
        widget = new WidgetUi(browser);
    }

    @Test
    void should_be_usable_with_the_keyboard_alone() {
        browser.freshTab(WidgetChatBrowserTest.DESKTOP);
        widget.load(demoPage.toString());

        assertThat(widget.tabTo("button.launcher", false, 40)).as("Tab reaches the launcher").isTrue();
        assertThat(widget.style(".launcher", "outline-style")).as("focus is visible").isEqualTo("solid");
        assertThat(widget.find(".launcher").getDomAttribute("aria-expanded")).isEqualTo("false");

        widget.press(Keys.ENTER);
        await().atMost(WidgetUi.PATIENCE).until(widget::isOpen);
        assertThat(widget.focused()).as("focus moves into the panel").startsWith("textarea");
        assertThat(widget.find(".launcher").getDomAttribute("aria-expanded")).isEqualTo("true");

        widget.press("When will Putin arrive in Ulaanbaatar?", Keys.ENTER);
        widget.awaitAnswer(0);

        assertThat(widget.tabTo("a.chip", true, 12)).as("Shift+Tab reaches a citation").isTrue();
        await().atMost(WidgetUi.PATIENCE).until(() -> widget.find(".tip").isDisplayed());
        assertThat(widget.find(".tip").getText()).contains("Ulaanbaatar on September 3");
        String described = widget.eval("root.getElementById(root.activeElement.getAttribute('aria-describedby')).textContent");
        assertThat(described).as("the passage is the chip's accessible description").contains("Ulaanbaatar on September 3");
        browser.screenshot("widget-keyboard-citation");

        widget.press(Keys.ESCAPE);
        assertThat(widget.find(".tip").isDisplayed()).as("Escape first dismisses the passage").isFalse();
        assertThat(widget.isOpen()).isTrue();
        widget.press(Keys.ESCAPE);
        assertThat(widget.isOpen()).as("then closes the panel").isFalse();
        assertThat(widget.focused()).as("focus returns to the launcher").startsWith("button.launcher");
    }

    @Test
    void should_tell_assistive_technology_what_each_part_is() {
        browser.freshTab(WidgetChatBrowserTest.DESKTOP);
        widget.load(demoPage.toString());
        widget.openPanel();

        assertThat(widget.find(".panel").getDomAttribute("role")).isEqualTo("dialog");
        assertThat(widget.<String>eval("root.getElementById(root.querySelector('.panel').getAttribute('aria-labelledby')).textContent"))
                .isEqualTo("Ask Byline");
        assertThat(widget.find(".log").getDomAttribute("role")).isEqualTo("log");
        assertThat(widget.find(".log").getDomAttribute("aria-live")).isEqualTo("polite");
        assertThat(widget.find(".status").getDomAttribute("role")).isEqualTo("status");
        assertThat(widget.find("textarea").getAccessibleName()).isEqualTo("Your question");
        assertThat(widget.find(".close").getAccessibleName()).isEqualTo("Close chat");

        widget.ask("When will Putin arrive in Ulaanbaatar?");
        await().atMost(WidgetUi.PATIENCE).until(() -> "true".equals(widget.find(".log").getDomAttribute("aria-busy")));
        widget.awaitAnswer(0);
        assertThat(widget.find(".log").getDomAttribute("aria-busy")).as("the finished answer is announced whole").isEqualTo("false");
        assertThat(widget.find(".chip").getAccessibleName()).startsWith("Source 1: Putin due in Ulaanbaatar");
    }

    @Test
    void should_fit_a_360_pixel_wide_phone_screen() {
        browser.freshTab(new Dimension(360, 740));
        widget.load(demoPage.toString());
        long width = browser.<Long>js("return window.innerWidth;");
        assertThat(width).isLessThanOrEqualTo(400);

        widget.openPanel();
        widget.ask("When will Putin arrive in Ulaanbaatar?");
        widget.awaitAnswer(0);

        Map<String, Object> panel = widget.rect(".panel");
        assertThat(((Number) panel.get("left")).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) panel.get("right")).doubleValue()).isLessThanOrEqualTo(width);
        assertThat(widget.<Boolean>eval("root.querySelector('.log').scrollWidth <= root.querySelector('.log').clientWidth"))
                .as("nothing needs sideways scrolling").isTrue();
        Map<String, Object> send = widget.rect(".send");
        assertThat(((Number) send.get("right")).doubleValue()).isLessThanOrEqualTo(width);
        assertThat(((Number) send.get("height")).doubleValue()).as("a thumb-sized target").isGreaterThanOrEqualTo(44);
        browser.screenshot("widget-phone");
    }
}
