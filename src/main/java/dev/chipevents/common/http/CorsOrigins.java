package dev.chipevents.common.http;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.problem.Problem;

/**
 * Which browser origins may call. Quarkus's CORS filter (quarkus.http.cors.*) answers preflights and
 * sets the headers; this filter runs just before it for the two things Quarkus 3.33 does not do:
 * <ul>
 * <li>with CHIP_EVENTS_CORS_ORIGINS set, a refused origin gets a 403 problem that names the setting,
 * not an empty "403 CORS Rejected";</li>
 * <li>with every origin allowed (the default), the answer says {@code Access-Control-Allow-Origin: *}
 * without {@code Access-Control-Allow-Credentials}: Quarkus would echo each caller's origin, which
 * shared caches would then serve to other origins.</li>
 * </ul>
 * Credentials are headers (X-API-Key, Authorization), never cookies, so an origin carries no
 * ambient authority and "*" is safe.
 */
@ApplicationScoped
public class CorsOrigins {

    /** Quarkus's CORS filter has priority 300 (SecurityHandlerPriorities.CORS); a higher one runs first. */
    static final int BEFORE_QUARKUS_CORS = 310;
    static final String SETTING = "CHIP_EVENTS_CORS_ORIGINS";

    private final boolean anyOrigin;
    private final Set<String> listed;
    private final List<Pattern> patterns;
    private final ObjectMapper json;

    public CorsOrigins(ChipEventsConfig config, ObjectMapper json) {
        List<String> origins = config.cors().origins().orElse(List.of());
        this.anyOrigin = origins.isEmpty() || origins.equals(List.of("*"));
        this.listed = Set.copyOf(origins);
        // Entries between slashes are regular expressions, as for quarkus.http.cors.origins.
        this.patterns = origins.stream().filter(o -> o.length() > 1 && o.startsWith("/") && o.endsWith("/"))
                .map(o -> Pattern.compile(o.substring(1, o.length() - 1))).toList();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, BEFORE_QUARKUS_CORS);
    }

    void handle(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            context.next();
        } else if (anyOrigin) {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                if (headers.contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
                    headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
                    headers.remove(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
                }
            });
            context.next();
        } else if (allowed(origin, context.request())) {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                if (headers.contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
                    headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN); // the answer names this caller's origin
                    headers.remove(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
                }
            });
            context.next();
        } else {
            refuse(context, origin);
        }
    }

    private boolean allowed(String origin, HttpServerRequest request) {
        return listed.contains(origin) || patterns.stream().anyMatch(p -> p.matcher(origin).matches()) || sameOrigin(origin, request);
    }

    /** The app's own pages (Swagger UI) send an Origin on writes; Quarkus allows those too. */
    private static boolean sameOrigin(String origin, HttpServerRequest request) {
        return request.authority() != null && origin.equalsIgnoreCase(request.scheme() + "://" + request.authority());
    }

    private void refuse(RoutingContext context, String origin) {
        Problem problem = new Problem("urn:chip-events:problem:origin-not-allowed", "Origin not allowed", 403,
                "Browsers at the origin '" + origin + "' may not call this service: it is not in " + SETTING
                        + ", the comma-separated list of origins this server allows.",
                context.request().path(), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        context.response().setStatusCode(403)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN)
                .end(body);
    }
}
