package dev.chipevents.common.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.problem.TooManyRequestsProblem;

/**
 * Token buckets (Bucket4j) per writer and per client address (see ClientAddresses) for failed authentications. In memory,
 * so each replica counts on its own: the limit across N replicas is at most N times the setting.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int MAX_TRACKED = 100_000;

    private final ClientAddresses addresses;
    private final long writesPerMinute;
    private final long failuresPerMinute;
    private final Map<String, Bucket> writers = new ConcurrentHashMap<>();
    private final Map<String, Bucket> failures = new ConcurrentHashMap<>();

    public RateLimiter(ChipEventsConfig config, ClientAddresses addresses) {
        this.addresses = addresses;
        this.writesPerMinute = config.security().rateLimit().writesPerMinute();
        this.failuresPerMinute = config.security().rateLimit().failedAuthenticationsPerMinute();
    }

    /** Takes one write from the writer's bucket; the remaining count, or 429 when none is left. */
    public long consumeWrite(String writer) {
        ConsumptionProbe probe = bucket(writers, writer, writesPerMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsProblem("This key has used its " + writesPerMinute + " writes per minute; retry after the"
                    + " number of seconds in Retry-After.", writesPerMinute, seconds(probe));
        }
        return probe.getRemainingTokens();
    }

    public long writesPerMinute() {
        return writesPerMinute;
    }

    /**
     * Counts a failed authentication from the client's address; once the address has used up its failures
     * for the minute, the failure is answered 429 instead of 401. A valid credential is never refused here:
     * only failures are counted, and only failures are refused.
     */
    public void recordFailure(HttpServerRequest request) {
        ConsumptionProbe probe = bucket(failures, addresses.of(request), failuresPerMinute).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsProblem("Too many failed authentications from this address; retry after the number of"
                    + " seconds in Retry-After.", failuresPerMinute, seconds(probe));
        }
    }

    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, long perMinute) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear(); // a crude bound on memory under an address-spraying attack
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }
}
