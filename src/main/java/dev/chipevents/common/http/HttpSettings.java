package dev.chipevents.common.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the HTTP layer treats clients; each setting is also an environment variable (README, Configuration). */
@ConfigMapping(prefix = "chip-events.http")
public interface HttpSettings {

    /**
     * How long a request body may take to arrive, from its headers to its last byte
     * (CHIP_EVENTS_HTTP_BODY_TIMEOUT); a slower one is answered 408 and its connection closed.
     * The bulk import streams its body and is not bound by it.
     */
    @WithDefault("PT10S")
    Duration bodyTimeout();

    /**
     * The proxies (addresses or CIDR blocks, comma-separated) whose X-Forwarded-For and Forwarded headers
     * name the client (CHIP_EVENTS_TRUSTED_PROXIES); from any other peer these headers are ignored.
     */
    Optional<List<String>> trustedProxies();
}
