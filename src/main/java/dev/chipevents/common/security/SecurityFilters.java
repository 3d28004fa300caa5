package dev.chipevents.common.security;

import java.lang.reflect.Method;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.problem.ForbiddenProblem;
import dev.chipevents.common.problem.UnauthorizedProblem;

/**
 * Around every API request: the write rate limit per key, the optional "reads need reader" rule, and the
 * headers that keep answers safe in browsers. (Failed authentications are counted per client address where
 * they are answered, in the ProblemMapper.)
 * Which role each write needs is declared on the resource methods (@RolesAllowed).
 */
public class SecurityFilters {

    static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String REMAINING = "chip-events.rate-limit.remaining";

    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter;
    private final boolean readsRequireReader;

    public SecurityFilters(CurrentIdentityAssociation identities, RateLimiter limiter, ChipEventsConfig config) {
        this.identities = identities;
        this.limiter = limiter;
        this.readsRequireReader = config.security().readsRequireReader();
    }

    @ServerRequestFilter
    public Uni<Void> guard(ContainerRequestContext request, HttpServerRequest http) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        boolean write = !READ_METHODS.contains(request.getMethod());
        if (!write && !readsRequireReader) {
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity()
                .invoke(identity -> {
                    if (write) {
                        if (!identity.isAnonymous()) {
                            request.setProperty(REMAINING, limiter.consumeWrite(identity.getPrincipal().getName()));
                        }
                    } else {
                        requireReader(identity);
                    }
                })
                .replaceWithVoid();
    }

    private static boolean needsARole(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        return method != null && (method.isAnnotationPresent(RolesAllowed.class)
                || method.getDeclaringClass().isAnnotationPresent(RolesAllowed.class));
    }

    private static void requireReader(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            throw new UnauthorizedProblem("Reads need the reader role on this server: send an API key as X-API-Key or a bearer token.");
        }
        if (!identity.hasRole(Roles.READER)) {
            throw new ForbiddenProblem("Your credentials lack the reader role.");
        }
    }

    @ServerResponseFilter
    public void safeHeaders(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        var headers = response.getHeaders();
        // X-Content-Type-Options comes from quarkus.http.header for every response, /q/* included.
        if (request.getUriInfo().getPath().startsWith("/api/") && !headers.containsKey("Cache-Control")) {
            // Public reads may depend on credentials: never in shared caches; browsers revalidate with the ETag.
            // What only a role may read (API keys), and every write, is never stored at all.
            boolean publicRead = READ_METHODS.contains(request.getMethod()) && !needsARole(resource);
            headers.putSingle("Cache-Control", publicRead ? "private, no-cache" : "no-store");
        }
        Object remaining = request.getProperty(REMAINING);
        if (remaining != null) {
            headers.putSingle("RateLimit-Limit", String.valueOf(limiter.writesPerMinute()));
            headers.putSingle("RateLimit-Remaining", String.valueOf(remaining));
        }
    }
}
