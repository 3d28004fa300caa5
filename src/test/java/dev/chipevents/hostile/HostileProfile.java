package dev.chipevents.hostile;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Short timeouts and tight limits, so that slow and failing clients show their effect in seconds. */
public class HostileProfile implements QuarkusTestProfile {

    static final int BODY_TIMEOUT_SECONDS = 3;
    static final int FAILURES_PER_MINUTE = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("chip-events.http.body-timeout", "PT" + BODY_TIMEOUT_SECONDS + "S",
                "chip-events.security.rate-limit.failed-authentications-per-minute", String.valueOf(FAILURES_PER_MINUTE),
                // the tests connect from loopback, acting as the ingress
                "chip-events.http.trusted-proxies", "127.0.0.1/32,::1/128");
    }
}
