package dev.byline.widget;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code byline.rate-limit.*}: how often one client may call the public reading endpoints ({@code /api/v1/ask},
 * {@code /api/v1/chat}, {@code /api/v1/search} and the widget file). A client is its IP address (IPv6: its /64
 * network, which one household or phone usually holds whole). Behind a reverse proxy, let Quarkus take the address
 * from the proxy's headers ({@code quarkus.http.proxy.proxy-address-forwarding}, {@code allow-x-forwarded},
 * {@code trusted-proxies}); otherwise every reader shares the proxy's address and its budget.
 */
@ConfigMapping(prefix = "byline.rate-limit")
public interface RateLimitConfig {

    /** Off for load tests; a client over the limit otherwise gets {@code 429} with {@code Retry-After}. */
    @WithDefault("true")
    boolean enabled();

    /** Sustained questions and searches per minute per client, shared by ask, chat and search. */
    @WithDefault("30")
    int requestsPerMinute();

    /** How many of them may come at once, before the per-minute pace applies (the token bucket's size). */
    @WithDefault("10")
    int burst();

    /** Downloads of the widget file per minute per client: generous, as every page view of an embedding site asks. */
    @WithDefault("300")
    int widgetRequestsPerMinute();

    /** At most this many clients are remembered; the least recently seen are forgotten first (memory stays bounded). */
    @WithDefault("100000")
    int maxClients();
}
