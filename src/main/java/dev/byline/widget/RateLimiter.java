package dev.byline.widget;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket per client: {@code burst} requests at once, refilled at {@code perMinute}. Buckets live in a
 * Caffeine cache bounded by {@code maxClients}, each forgotten once it has been idle long enough to be full again
 * (a forgotten bucket and a full one behave the same), so a flood of addresses cannot exhaust memory.
 */
public final class RateLimiter {

    /** @param retryAfterSeconds when a refused client may try again, whole seconds, at least 1; 0 when allowed */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final Cache<String, Bucket> buckets;
    private final Bandwidth limit;
    private final TimeMeter time;

    public RateLimiter(int perMinute, int burst, int maxClients) {
        this(perMinute, burst, maxClients, TimeMeter.SYSTEM_NANOTIME, Ticker.systemTicker());
    }

    /** With clocks of the caller's choosing, for tests. */
    RateLimiter(int perMinute, int burst, int maxClients, TimeMeter time, Ticker ticker) {
        if (perMinute < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("byline.rate-limit: requests per minute, burst and max-clients must be at least 1");
        }
        this.limit = Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
        this.time = time;
        long nanosToFill = Math.max(TimeUnit.SECONDS.toNanos(1), TimeUnit.MINUTES.toNanos(1) * burst / perMinute);
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).ticker(ticker)
                .expireAfterAccess(Duration.ofNanos(nanosToFill)).build();
    }

    /** Takes one request from the client's budget. */
    public Decision tryAcquire(String client) {
        Bucket bucket = buckets.get(client, k -> Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return new Decision(true, 0);
        }
        long seconds = (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L;
        return new Decision(false, Math.max(1, seconds));
    }

    long clientsRemembered() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    /**
     * The client an address stands for: an IPv4 address itself, an IPv6 address its /64 network (one household,
     * phone or server usually holds a whole /64, so counting single addresses would let it change address at will).
     * IPv4 mapped into IPv6 counts as IPv4. Anything unreadable is one shared client, never an error.
     */
    public static String clientOf(String address) {
        if (address == null) {
            return "unknown";
        }
        int zone = address.indexOf('%');
        String literal = zone >= 0 ? address.substring(0, zone) : address;
        // Only IP literals are parsed: a host name would mean a DNS lookup.
        if (literal.isEmpty() || !literal.matches("[0-9a-fA-F:.\\[\\]]+")) {
            return "unknown";
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 4) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            byte[] network = Arrays.copyOf(bytes, 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
