package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * The widget's tests: answers from {@link WidgetAnswerer}, and one other site allowed to embed the chat
 * ({@code http://news.example}, which the test browser maps to this server, as it does {@code evil.example}).
 */
public class WidgetBrowserProfile implements QuarkusTestProfile {

    static final String ALLOWED_ORIGIN = "http://news.example";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(WidgetAnswers.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("byline.widget.allowed-origins", ALLOWED_ORIGIN + ",https://partner.example:8443");
    }
}
