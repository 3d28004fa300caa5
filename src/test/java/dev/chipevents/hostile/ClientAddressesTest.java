package dev.chipevents.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.chipevents.common.http.HttpSettings;
import dev.chipevents.common.security.ClientAddresses;

/** Forwarded headers name the client only when the peer is a trusted proxy, and only past the trusted hops. */
class ClientAddressesTest {

    private static ClientAddresses trusting(String... proxies) {
        return new ClientAddresses(new HttpSettings() {

            @Override
            public Duration bodyTimeout() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Optional<List<String>> trustedProxies() {
                return proxies.length == 0 ? Optional.empty() : Optional.of(List.of(proxies));
            }
        });
    }

    @Test
    void withoutTrustedProxiesTheHeadersAreIgnored() {
        ClientAddresses none = trusting();
        assertEquals("10.1.2.3", none.of("10.1.2.3", List.of("for=203.0.113.9"), List.of("203.0.113.9")));
    }

    @Test
    void anUntrustedPeerCannotNameAnotherClient() {
        ClientAddresses ingress = trusting("10.0.0.0/8");
        assertEquals("198.51.100.7", ingress.of("198.51.100.7", List.of(), List.of("203.0.113.9")));
        assertEquals("198.51.100.7", ingress.of("198.51.100.7", List.of("for=203.0.113.9"), List.of()));
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopFromTheRightIsTheClient() {
        ClientAddresses ingress = trusting("10.0.0.0/8", "fd00::/8");
        assertEquals("203.0.113.9", ingress.of("10.1.2.3", List.of(), List.of("203.0.113.9")));
        // what the client wrote itself stands left of what the ingress appended, and is never believed
        assertEquals("203.0.113.9", ingress.of("10.1.2.3", List.of(), List.of("198.51.100.1, 203.0.113.9")));
        assertEquals("203.0.113.9", ingress.of("10.1.2.3", List.of(), List.of("198.51.100.1", "203.0.113.9, 10.9.9.9")));
        assertEquals("2001:db8::17", ingress.of("fd00::1", List.of("for=198.51.100.1, for=\"[2001:db8::17]:4711\";proto=https"),
                List.of("192.0.2.200")));
        assertEquals("203.0.113.9", ingress.of("10.1.2.3", List.of(), List.of("203.0.113.9:51234")));
        assertEquals("10.1.2.3", ingress.of("10.1.2.3", List.of(), List.of()));
    }

    @Test
    void entriesAreAddressesOrCidrBlocks() {
        ClientAddresses proxies = trusting("127.0.0.1", "::1/128", "192.168.0.0/16");
        assertTrue(proxies.isTrusted("127.0.0.1"));
        assertTrue(proxies.isTrusted("::1"));
        assertTrue(proxies.isTrusted("192.168.44.5"));
        assertFalse(proxies.isTrusted("127.0.0.2"));
        assertFalse(proxies.isTrusted("localhost"));
        assertThrows(IllegalArgumentException.class, () -> trusting("ingress.example"));
        assertThrows(IllegalArgumentException.class, () -> trusting("10.0.0.0/x"));
    }
}
