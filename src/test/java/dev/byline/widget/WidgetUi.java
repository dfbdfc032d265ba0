package dev.byline.widget;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The widget as a reader meets it, reached through its (open) Shadow DOM. */
final class WidgetUi {

    static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String SHADOW = "const root = document.querySelector('byline-chat')?.shadowRoot;";

    private final Browser browser;

    WidgetUi(Browser browser) {
        this.browser = browser;
    }

    /** Opens a page and waits for the widget's launcher (or panel) to be there. */
    WidgetUi load(String url) {
        browser.open(url);
        await().atMost(PATIENCE).until(() -> Boolean.TRUE.equals(browser.js(SHADOW + "return !!root?.querySelector('.launcher');")));
        return this;
    }

    WebElement find(String css) {
        return browser.js(SHADOW + "return root.querySelector(arguments[0]);", css);
    }

    List<WebElement> findAll(String css) {
        return browser.js(SHADOW + "return [...root.querySelectorAll(arguments[0])];", css);
    }

    /** Evaluates an expression where {@code root} is the widget's shadow root. */
    <T> T eval(String expression, Object... args) {
        return browser.js(SHADOW + "return " + expression + ";", args);
    }

    boolean isOpen() {
        return Boolean.TRUE.equals(eval("!root.querySelector('.panel').hidden"));
    }

    void openPanel() {
        find(".launcher").click();
        await().atMost(PATIENCE).until(this::isOpen);
    }

    /** Types the question into the input and presses Enter, as a reader would. */
    void ask(String question) {
        find("textarea").sendKeys(question, Keys.ENTER);
    }

    /** The answers so far (the greeting left out), in order. */
    List<WebElement> answers() {
        return findAll(".msg.bot:not(.greeting)");
    }

    /**
     * The state of each answer so far ({@code streaming}, {@code waiting}, {@code done}, {@code error}), read in one go:
     * the widget replaces an answer's element when it asks again, so an element found a moment earlier can be gone.
     */
    List<String> answerStates() {
        return eval("[...root.querySelectorAll('.msg.bot:not(.greeting)')].map(m => m.dataset.state || '')");
    }

    /** The text of the latest answer, read in one go (see {@link #answerStates()}). */
    String lastAnswerText() {
        return eval("[...root.querySelectorAll('.msg.bot:not(.greeting)')].at(-1)?.textContent ?? ''");
    }

    /** Waits until answer number {@code index} (from 0) has finished, well or not, and returns it. */
    WebElement awaitAnswer(int index) {
        await().atMost(PATIENCE).until(() -> {
            List<String> states = answerStates();
            return states.size() > index && List.of("done", "error").contains(states.get(index));
        });
        return answers().get(index);
    }

    /** Starts writing down every text the answer being streamed shows, to tell streaming from arriving whole. */
    void recordStreaming() {
        browser.js(SHADOW + """
                window.__bylineSeen = [];
                new MutationObserver(() => {
                  const t = root.querySelector('.msg[data-state=streaming] .text');
                  if (t && t.textContent && window.__bylineSeen.at(-1) !== t.textContent) window.__bylineSeen.push(t.textContent);
                }).observe(root, {subtree: true, childList: true, characterData: true});""");
    }

    List<String> streamedTexts() {
        return browser.js("return window.__bylineSeen || [];");
    }

    /** What has keyboard focus: the focused element inside the widget as {@code tag.class}, or the page's element. */
    String focused() {
        return browser.js("""
                const a = document.activeElement;
                const e = a && a.shadowRoot ? a.shadowRoot.activeElement : a;
                return e ? e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(' ').join('.') : '') : 'none';""");
    }

    void press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    /** Presses Tab (or Shift+Tab) until the focused element matches, at most {@code limit} times. */
    boolean tabTo(String focusedPrefix, boolean backwards, int limit) {
        for (int i = 0; i < limit; i++) {
            if (focused().startsWith(focusedPrefix)) {
                return true;
            }
            if (backwards) {
                new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
            } else {
                press(Keys.TAB);
            }
        }
        return focused().startsWith(focusedPrefix);
    }

    Map<String, Object> rect(String css) {
        return eval("root.querySelector(arguments[0]).getBoundingClientRect().toJSON()", css);
    }

    String style(String css, String property) {
        return eval("getComputedStyle(root.querySelector(arguments[0])).getPropertyValue(arguments[1])", css, property);
    }
}
