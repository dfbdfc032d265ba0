package dev.byline.widget;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The rate limit on, with small budgets: 2 questions at once then one every 5 seconds, 4 widget downloads a minute.
 * Quarkus takes the client's address from {@code X-Forwarded-For} sent by loopback (a trusted proxy), so each test
 * can be a client of its own.
 */
public class RateLimitProfile implements QuarkusTestProfile {

    static final int BURST = 2;
    static final int WIDGET_PER_MINUTE = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "byline.rate-limit.enabled", "true",
                "byline.rate-limit.requests-per-minute", "12",
                "byline.rate-limit.burst", Integer.toString(BURST),
                "byline.rate-limit.widget-requests-per-minute", Integer.toString(WIDGET_PER_MINUTE),
                "byline.widget.allowed-origins", "http://news.example",
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "quarkus.http.proxy.trusted-proxies", "127.0.0.1,0:0:0:0:0:0:0:1");
    }
}
