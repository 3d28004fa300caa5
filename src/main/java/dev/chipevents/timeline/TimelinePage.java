package dev.chipevents.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.problem.Problem;

/**
 * The timeline page at "/": static files (META-INF/resources/index.html and timeline/*) that read the public
 * API like any frontend. Quarkus serves them; this filter gives them their headers — a Content-Security-Policy
 * that lets the page load only the service's own scripts, styles and API, and revalidation so an upgrade never
 * mixes old and new modules — or, with CHIP_EVENTS_TIMELINE_ENABLED=false, answers their paths with a 404
 * problem. The API, Swagger UI and /q/* keep their own headers.
 */
@ApplicationScoped
public class TimelinePage {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'",
            "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'");
    static final String SETTING = "CHIP_EVENTS_TIMELINE_ENABLED";
    /** Any order among the HTTP filters works: these paths are not the API's and need no CORS or authentication. */
    private static final int PRIORITY = 100;

    private final boolean enabled;
    private final ObjectMapper json;

    public TimelinePage(ChipEventsConfig config, ObjectMapper json) {
        this.enabled = config.timeline().enabled();
        this.json = json;
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    /** The page's own paths: "/", its index file and its folder of modules, styles and icon. */
    static boolean isPagePath(String path) {
        return "/".equals(path) || "/index.html".equals(path) || path.startsWith("/timeline/");
    }

    void handle(RoutingContext context) {
        String path = context.normalizedPath();
        if (!isPagePath(path)) {
            context.next();
        } else if (enabled) {
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Frame-Options", "DENY");
                // Quarkus marks static files immutable for a day; the page's files change with each release.
                headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            });
            context.next();
        } else {
            turnedOff(context, path);
        }
    }

    private void turnedOff(RoutingContext context, String path) {
        Problem problem = new Problem("urn:chip-events:problem:not-found", "Not Found", 404,
                "The timeline page is turned off on this server (" + SETTING + "=false). The API is at /api/v1,"
                        + " documented at /q/swagger-ui.",
                path, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        context.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }
}
