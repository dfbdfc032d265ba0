package dev.byline.widget;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Skips the browser tests, saying why, on a machine without Chromium and ChromeDriver; with
 * {@code BYLINE_REQUIRE_BROWSER=true} (as CI sets it) they run anyway, and fail for the missing browser.
 */
final class BrowserCondition implements ExecutionCondition {

    static final String REQUIRE = "BYLINE_REQUIRE_BROWSER";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Browser.available()) {
            return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
        }
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
            return ConditionEvaluationResult.enabled(REQUIRE + "=true: run, and fail for the missing browser");
        }
        String why = "Browser tests skipped: no Chromium at " + Browser.CHROMIUM + " or no ChromeDriver at " + Browser.CHROMEDRIVER
                + ". Install Debian's chromium and chromium-driver (or set BYLINE_CHROMIUM / BYLINE_CHROMEDRIVER) to run them; "
                + REQUIRE + "=true makes their absence a failure.";
        if (TOLD.compareAndSet(false, true)) {
            System.err.println("[WARNING] " + why);
        }
        return ConditionEvaluationResult.disabled(why);
    }
}
