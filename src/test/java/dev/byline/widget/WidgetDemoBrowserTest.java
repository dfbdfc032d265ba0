package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a newcomer sees: the demo page on the default configuration (the extractive answerer, the
 * two demo articles), answering a question and its follow-up with citations. Nothing is scripted.
 */
@QuarkusTest
@TestProfile(WidgetDemoBrowserTest.NewcomerProfile.class)
@BrowserTest
class WidgetDemoBrowserTest extends BrowserTestBase {

    /** An app of its own, holding only the demo articles, as a fresh install does (other tests add articles). */
    public static class NewcomerProfile implements QuarkusTestProfile {
    }

    @Test
    void should_answer_a_question_and_its_follow_up_from_the_demo_articles_with_citations() {
        browser.freshTab(new Dimension(1280, 800));
        WidgetUi widget = new WidgetUi(browser).load(demoPage.toString());
        widget.openPanel();

        widget.ask("Who invited Putin to Mongolia?");
        WebElement first = widget.awaitAnswer(0);
        assertThat(first.getDomAttribute("class")).contains("grounded");
        assertThat(first.getText()).contains("at the invitation of Mongolian President Ukhnaagiin Khürelsükh");
        assertThat(widget.findAll(".grounded .chip")).as("each quoted sentence carries its chip, all from one source")
                .isNotEmpty().extracting(WebElement::getText).containsOnly("1");
        assertThat(widget.findAll(".grounded .sources li")).singleElement()
                .satisfies(li -> assertThat(li.getText()).contains("Putin to visit Mongolia, an ICC member obliged to arrest him"));

        widget.ask("When is the visit?");
        WebElement second = widget.awaitAnswer(1);
        assertThat(second.getDomAttribute("class")).contains("grounded");
        assertThat(second.getText()).contains("on September 3 [2024]");
        assertThat(second.findElements(org.openqa.selenium.By.cssSelector(".chip"))).as("the year inserted after a date is text, not a citation")
                .extracting(WebElement::getText).doesNotContain("2024").isNotEmpty();
        browser.screenshot("demo-answer");
    }

    @Test
    void should_say_how_current_the_archive_is_under_its_title() {
        browser.freshTab(new Dimension(1280, 800));
        WidgetUi widget = new WidgetUi(browser).load(demoPage.toString());
        widget.openPanel();

        await().atMost(WidgetUi.PATIENCE).until(() -> Boolean.FALSE.equals(widget.eval("root.querySelector('.fresh').hidden")));
        // The newest demo article is dated 2024-08-29; the date is written in the reader's locale.
        assertThat((String) widget.eval("root.querySelector('.fresh').textContent"))
                .startsWith("Articles up to ").contains("2024").containsPattern("\\b29\\b");
    }
}
