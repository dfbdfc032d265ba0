package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Markup in articles and in answers, and tampered saved conversations, stay harmless text. */
@QuarkusTest
@TestProfile(WidgetBrowserProfile.class)
@BrowserTest
class WidgetSafetyBrowserTest extends BrowserTestBase {

    private WidgetUi widget;

    @BeforeEach
    void freshTab() {
        WidgetArticles.ensureIngested();
        browser.freshTab(WidgetChatBrowserTest.DESKTOP);
        widget = new WidgetUi(browser).load(demoPage.toString());
    }

    @Test
    void should_show_markup_in_the_answer_title_outlet_and_passage_as_text_and_run_none_of_it() {
        widget.openPanel();
        widget.ask("What did the hostile headline story say?");
        WebElement answer = widget.awaitAnswer(0);

        assertThat(answer.getDomAttribute("class")).contains("grounded");
        assertThat(answer.getText())
                .contains("<img src=x onerror=window.__bylineOwned=3>")
                .contains("<script>window.__bylineOwned=4</script>")
                .contains("<img src=x onerror=window.__bylineOwned=1>Hostile <script>window.__bylineOwned=2</script> headline")
                .contains("<b>Bold</b> Outlet");
        new Actions(browser.driver()).moveToElement(widget.find(".grounded .chip")).perform();
        await().atMost(WidgetUi.PATIENCE).until(() -> widget.find(".tip").isDisplayed());
        assertThat(widget.find(".tip").getText())
                .contains("<img src=x onerror=window.__bylineOwned=5>")
                .contains("<script>window.__bylineOwned=6</script>");
        browser.screenshot("widget-hostile-markup");

        assertThat(widget.<Long>eval("root.querySelectorAll('img, script, iframe, object, [onerror]').length")).isZero();
        assertThat(browser.<Long>js("return document.querySelectorAll('img, iframe, object').length;")).isZero();
        assertThat(browser.<Object>js("return window.__bylineOwned;")).as("no injected code ran").isNull();
    }

    @Test
    void should_link_only_to_http_addresses_even_when_the_saved_conversation_was_tampered_with() {
        // Scripts of the host page share sessionStorage with the widget: what it reads back is as untrusted as the network.
        browser.js("""
                const key = Object.keys(sessionStorage).find(k => k.startsWith('byline:')) || 'byline:' + location.origin;
                sessionStorage.setItem(key, JSON.stringify({id: 'tampered-1', open: true, items: [
                  {role: 'user', text: '<img src=x onerror=window.__bylineOwned=7>'},
                  {role: 'bot', grounded: true, answer: 'Two sources [1] [2].', citations: [
                    {n: 1, title: 'Script link', url: 'javascript:window.__bylineOwned=8', snippet: 'a'},
                    {n: 2, title: 'Data link', url: 'data:text/html,<script>alert(1)</script>', snippet: 'b'}]}]}));""");
        browser.driver().navigate().refresh();
        widget.load(demoPage.toString());

        assertThat(widget.find(".msg.user").getText()).contains("<img src=x onerror=window.__bylineOwned=7>");
        assertThat(widget.findAll(".grounded .chip")).hasSize(2)
                .allSatisfy(chip -> assertThat(chip.getTagName()).isEqualTo("button"));
        assertThat(widget.<Long>eval("root.querySelectorAll('a[href]:not([href^=\"http:\"]):not([href^=\"https:\"])').length")).isZero();
        widget.findAll(".grounded .chip").forEach(WebElement::click);
        assertThat(browser.<Object>js("return window.__bylineOwned;")).isNull();
    }
}
