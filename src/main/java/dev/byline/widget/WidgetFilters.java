package dev.byline.widget;

import dev.byline.access.ClientIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Puts CORS for the chat API and the per-client rate limit in front of every route, before any request body is
 * read or any answer is started. CORS comes first, so that a browser can read a {@code 429} (and its
 * {@code Retry-After}) from another site.
 */
@ApplicationScoped
public class WidgetFilters {

    private static final Logger LOG = Logger.getLogger(WidgetFilters.class);

    /** Higher runs first. */
    static final int CORS_PRIORITY = 300;
    static final int ASSET_HEADERS_PRIORITY = 250;
    static final int RATE_LIMIT_PRIORITY = 200;

    void register(@Observes Filters filters, WidgetConfig widget, RateLimitConfig limits, MeterRegistry registry,
                  ClientIdentity clients) {
        AllowedOrigins origins = AllowedOrigins.of(widget.allowedOrigins().orElse(List.of()));
        filters.register(new ChatCors(origins), CORS_PRIORITY);
        filters.register(new AssetHeaders(), ASSET_HEADERS_PRIORITY);
        if (limits.enabled()) {
            RateLimiter api = new RateLimiter(limits.requestsPerMinute(), limits.burst(), limits.maxClients());
            RateLimiter file = new RateLimiter(limits.widgetRequestsPerMinute(), limits.widgetRequestsPerMinute(), limits.maxClients());
            filters.register(new RateLimitFilter(api, file, registry, clients), RATE_LIMIT_PRIORITY);
            LOG.infof("Rate limit: %d questions or searches per minute per client (bursts of %d)",
                    limits.requestsPerMinute(), limits.burst());
        } else {
            LOG.info("Rate limit is off (byline.rate-limit.enabled=false)");
        }
        if (!origins.toString().isEmpty()) {
            LOG.infof("The chat API accepts browser calls from: %s", origins);
        }
    }
}
