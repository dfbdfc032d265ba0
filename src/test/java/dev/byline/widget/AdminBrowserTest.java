package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The "done when": on the demo setup, a reader asks in the widget and rates an answer 👎 with a comment, by
 * keyboard; an editor opens {@code /admin} (from this machine, no key configured) and sees the questions, the refused
 * ones grouped by topic, and the comment beside the answer; at 360 px as on a desktop.
 */
@QuarkusTest
@TestProfile(WidgetDemoBrowserTest.NewcomerProfile.class)
@BrowserTest
class AdminBrowserTest extends BrowserTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String COMMENT = "This is the 2019 visit <b>not</b> this one";

    @Test
    void should_show_an_editor_the_questions_the_refused_ones_grouped_and_the_feedback_given_in_the_widget() {
        browser.freshTab(new Dimension(1280, 900));
        WidgetUi widget = new WidgetUi(browser).load(demoPage.toString());
        widget.openPanel();
        widget.ask("Who invited Putin to Mongolia?");
        widget.awaitAnswer(0);
        widget.ask("What is the boiling point of tungsten?");
        widget.awaitAnswer(1);
        widget.ask("How hot does tungsten have to get to boil?");
        WebElement refused = widget.awaitAnswer(2);
        assertThat(refused.getDomAttribute("class")).contains("declined");

        // By keyboard: focus the first answer's 👎, press Enter, type the comment, Enter.
        WebElement down = widget.find(".msg.grounded .rate button.down");
        assertThat(down.getDomAttribute("aria-label")).isEqualTo("No, not useful");
        assertThat(down.getDomAttribute("aria-pressed")).isEqualTo("false");
        browser.js("arguments[0].focus();", down);
        widget.press(Keys.ENTER);
        await().atMost(PATIENCE).until(() -> "true".equals(widget.find(".msg.grounded .rate button.down").getDomAttribute("aria-pressed")));
        await().atMost(PATIENCE).until(() -> widget.find(".msg.grounded .rate input") != null);
        assertThat(widget.<String>eval("root.querySelector('.msg.grounded .rate label').textContent")).isEqualTo("What was wrong? (optional)");
        widget.find(".msg.grounded .rate input").sendKeys(COMMENT, Keys.ENTER);
        await().atMost(PATIENCE).until(() -> widget.find(".msg.grounded .rate .thanks") != null);
        await().atMost(PATIENCE).until(() -> "Thanks for your feedback.".equals(widget.eval("root.querySelector('.status').textContent")));

        browser.freshTab(new Dimension(360, 740));
        browser.open(demoPage.toString() + "admin");
        await().atMost(PATIENCE).until(() -> !browser.driver().findElements(By.cssSelector("#topics li.topic")).isEmpty());

        List<WebElement> topics = browser.driver().findElements(By.cssSelector("#topics li.topic"));
        assertThat(topics).first().satisfies(t -> {
            assertThat(t.findElement(By.cssSelector(".count")).getText()).isEqualTo("2");
            assertThat(t.getText()).contains("tungsten");
        });
        WebElement disliked = browser.driver().findElement(By.cssSelector("#disliked .disliked"));
        assertThat(disliked.findElement(By.cssSelector(".q")).getText()).isEqualTo("Who invited Putin to Mongolia?");
        assertThat(disliked.findElement(By.cssSelector(".comment")).getText()).as("a comment is shown as text, never markup")
                .isEqualTo(COMMENT);
        assertThat(disliked.findElements(By.cssSelector(".sources li"))).isNotEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("#stories li")).getText()).as("the most-cited story, counted by answers")
                .containsPattern("\\d+ reports? · cited in \\d+ answers?");
        assertThat(browser.driver().findElement(By.id("totals")).getText()).contains("3\nquestions").contains("1\nrated not useful");
        assertThat(browser.driver().findElements(By.cssSelector("#per-day svg[role=img]"))).as("a chart per channel").hasSize(4)
                .anySatisfy(s -> assertThat(s.getDomAttribute("aria-label")).startsWith("chat per day:"));
        assertThat(browser.<Boolean>js("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("nothing wider than a 360 px phone").isTrue();
        browser.screenshot("admin-360");

        browser.driver().manage().window().setSize(new Dimension(1280, 1500));
        browser.screenshot("admin");
    }

    @Test
    void should_open_without_a_login_on_this_machine_and_say_why_a_period_was_refused() {
        browser.freshTab(new Dimension(800, 700));
        browser.open(demoPage.toString() + "admin?x=1");
        // No key configured and the browser is on this machine: the report opens without a login.
        assertThat(browser.driver().findElement(By.id("login")).isDisplayed()).isFalse();
        await().atMost(PATIENCE).until(() -> browser.driver().findElement(By.id("report")).isDisplayed());
        browser.js("document.getElementById('from').value = '2020-01-01';");
        browser.driver().findElement(By.cssSelector("#period button[type=submit]")).click();
        await().atMost(PATIENCE).until(() -> browser.driver().findElement(By.id("status")).getText().contains("at most 366 days"));
    }
}
