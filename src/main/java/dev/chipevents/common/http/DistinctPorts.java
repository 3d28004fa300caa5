package dev.chipevents.common.http;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start when the API and the management interface are given the same port. Vert.x then shares the one
 * listening socket between both servers and hands each new connection to one of them in turn: health answers 200, so the
 * service looks ready, while every other connection to the API answers 404 (seen with QUARKUS_HTTP_PORT and
 * QUARKUS_MANAGEMENT_PORT both set to one port). Tests choose their ports at random (the test ports), so the check is
 * for the ports a real start uses.
 */
@ApplicationScoped
class DistinctPorts {

    private final int httpPort;
    private final int managementPort;
    private final boolean managementEnabled;

    DistinctPorts(@ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
            @ConfigProperty(name = "quarkus.management.port", defaultValue = "9000") int managementPort,
            @ConfigProperty(name = "quarkus.management.enabled", defaultValue = "false") boolean managementEnabled) {
        this.httpPort = httpPort;
        this.managementPort = managementPort;
        this.managementEnabled = managementEnabled;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        if (LaunchMode.current() == LaunchMode.TEST || !managementEnabled || httpPort == 0 || httpPort != managementPort) {
            return;
        }
        throw new IllegalStateException("The API and the management interface are both set to port " + httpPort
                + " (QUARKUS_HTTP_PORT or PORT, and QUARKUS_MANAGEMENT_PORT): they need different ports, or the API would answer"
                + " 404 to every other connection. Give one of them another port (by default the API has 8080 and the management"
                + " interface 9000).");
    }
}
