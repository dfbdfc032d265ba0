package dev.byline.widget;

import dev.byline.api.Problem;
import dev.byline.access.ClientIdentity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits each client on the public reading endpoints: ask, chat, search and feedback share one budget, the widget file has a
 * generous one of its own. Over the limit: {@code 429} problem with {@code Retry-After} in seconds. CORS preflights
 * cost nothing, so a browser's question counts once.
 */
final class RateLimitFilter implements Handler<RoutingContext> {

    static final String[] API_PATHS = {"/api/v1/ask", "/api/v1/chat", "/api/v1/search", "/api/v1/feedback", "/api/v1/freshness"};
    static final String[] WIDGET_PATHS = {"/widget"};

    private final RateLimiter api;
    private final RateLimiter widget;
    private final Counter refusedApi;
    private final Counter refusedWidget;
    private final ClientIdentity clients;

    RateLimitFilter(RateLimiter api, RateLimiter widget, MeterRegistry registry, ClientIdentity clients) {
        this.clients = clients;
        this.api = api;
        this.widget = widget;
        this.refusedApi = refusals(registry, "api");
        this.refusedWidget = refusals(registry, "widget");
    }

    private static Counter refusals(MeterRegistry registry, String budget) {
        return Counter.builder("byline.rate.limited").description("Requests refused with 429, by budget")
                .tag("budget", budget).register(registry);
    }

    @Override
    public void handle(RoutingContext rc) {
        String path = rc.normalizedPath();
        boolean isApi = Paths.matches(path, API_PATHS);
        if (rc.request().method() == HttpMethod.OPTIONS || !(isApi || Paths.matches(path, WIDGET_PATHS))) {
            rc.next();
            return;
        }
        // The first untrusted hop of the forwarding chain, as for admin access: rotating the leftmost entry of
        // X-Forwarded-For does not make a new client.
        String client = RateLimiter.clientOf(clients.of(rc.request()).address());
        RateLimiter.Decision decision = (isApi ? api : widget).tryAcquire(client);
        if (decision.allowed()) {
            rc.next();
            return;
        }
        (isApi ? refusedApi : refusedWidget).increment();
        long seconds = decision.retryAfterSeconds();
        rc.response().putHeader("Retry-After", Long.toString(seconds));
        Problem.of(429, "Too Many Requests", "Too many requests from your address; try again in "
                + seconds + (seconds == 1 ? " second." : " seconds."), null).send(rc.response());
    }
}
