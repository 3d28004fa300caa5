package dev.chipevents.common.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.problem.FieldError;

/**
 * The HTTP layer's own checks, before any resource runs, each answered with a problem:
 * <ul>
 * <li>a request without Host (HTTP/1.0 too), a target that is no URI (?q=%zz), a target over 4 KiB (414),
 * headers over 16 KiB (431), a Content-Type that is no media type: 400 instead of a 500 or an empty answer;</li>
 * <li>If-Match and If-None-Match sent on several lines are joined into one list, as RFC 9110 reads them;</li>
 * <li>bodies are read by the event loop (Vert.x BodyHandler) before a worker thread is taken, up to
 * chip-events.max-body-size (413, also for chunked bodies), and must arrive within
 * chip-events.http.body-timeout (408): a client sending one byte now and then holds no thread.</li>
 * </ul>
 * The bulk import streams its body to a worker (up to quarkus.http.limits.max-body-size, 413 when
 * declared larger). The codec limits in application.properties are set above these, so that oversized
 * requests reach this class and get a problem; beyond them Vert.x closes the connection with an empty answer.
 */
@ApplicationScoped
public class RequestGuard {

    /** Longest request target (path and query). */
    static final int MAX_URI_LENGTH = 4 * 1024;
    /** Largest total of the header lines. */
    static final int MAX_HEADERS_SIZE = 16 * 1024;
    static final String IMPORT_PATH = "/api/v1/events/import";
    /** The methods whose requests carry a body here. */
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private static final Logger LOG = Logger.getLogger(RequestGuard.class);

    private final ProblemWriter problems;
    private final Vertx vertx;
    private final long bodyLimit;
    private final long importLimit;
    private final long bodyTimeoutMillis;

    public RequestGuard(ProblemWriter problems, Vertx vertx, ChipEventsConfig config, HttpSettings http,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize importLimit) {
        this.problems = problems;
        this.vertx = vertx;
        this.bodyLimit = config.maxBodySize().asLongValue();
        this.importLimit = importLimit.asLongValue();
        this.bodyTimeoutMillis = http.bodyTimeout().toMillis();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::failed);
        router.route().order(Integer.MIN_VALUE).handler(this::checkRequest);
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(bodyLimit);
        // Before Quarkus's own check of the declared length (an empty 413), and before any resource.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(context -> readBody(context, bodies));
    }

    private void checkRequest(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.authority() == null) {
            refuse(context, "Host", "is required: send the Host header with the server's name");
            return;
        }
        String target = request.uri();
        if (target == null || target.isEmpty()) {
            refuse(context, "target", "is missing");
            return;
        }
        if (target.length() > MAX_URI_LENGTH) {
            answer(context, 414, "uri-too-long", "URI too long", "The request target (path and query) is " + target.length()
                    + " characters long; at most " + MAX_URI_LENGTH + " are accepted. Send fewer or shorter filters.", null, false);
            return;
        }
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            refuse(context, "target", "is not a valid URI: a '%' must start a %XX escape of two hexadecimal digits, and"
                    + " spaces, quotes, <, >, {, }, |, \\, ^ and ` must be percent-encoded");
            return;
        }
        int headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > MAX_HEADERS_SIZE) {
            answer(context, 431, "headers-too-large", "Request header fields too large", "The request's headers take "
                    + headerBytes + " bytes; at most " + MAX_HEADERS_SIZE + " are accepted.", null, false);
            return;
        }
        for (String name : List.of("If-Match", "If-None-Match")) {
            // RFC 9110 5.3: list fields sent on several lines are one list; the resources read one line.
            List<String> lines = request.headers().getAll(name);
            if (lines.size() > 1) {
                request.headers().set(name, String.join(", ", lines));
            }
        }
        for (String name : List.of("Content-Type", "Accept")) {
            for (String value : request.headers().getAll(name)) {
                if (!isMediaType(value, name.equals("Accept"))) {
                    refuse(context, name, "is not a media type such as application/json");
                    return;
                }
            }
        }
        context.next();
    }

    /** Whether the value parses as the resources will parse it (an Accept header is a list of media ranges). */
    private static boolean isMediaType(String value, boolean list) {
        try {
            for (String part : list ? value.split(",") : new String[]{ value }) {
                if (list && part.isBlank()) {
                    continue;
                }
                MediaType type = MediaType.valueOf(part.strip());
                if (type.getType().isEmpty() || type.getSubtype().isEmpty()) {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void readBody(RoutingContext context, BodyHandler bodies) {
        HttpServerRequest request = context.request();
        if (!BODY_METHODS.contains(request.method().name())) {
            // No body to read (a GET may hold a stream open for long, as GET /changes does).
            context.next();
            return;
        }
        if (IMPORT_PATH.equals(request.path())) {
            String declared = request.getHeader("Content-Length");
            if (declared != null && declaredLength(declared) > importLimit) {
                tooLarge(context, importLimit);
                return;
            }
            context.next();
            return;
        }
        if (!request.isEnded()) {
            long timer = vertx.setTimer(bodyTimeoutMillis, id -> {
                if (!request.isEnded()) {
                    answer(context, 408, "request-timeout", "Request timeout", "The body did not arrive within "
                            + bodyTimeoutMillis / 1000 + " seconds of the headers; send it at once.", null, true);
                }
            });
            context.addEndHandler(done -> vertx.cancelTimer(timer));
        }
        bodies.handle(context);
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Failures of the router itself: the body handler's 413, Vert.x's own checks of Host and path. */
    private void failed(RoutingContext context) {
        int status = context.statusCode();
        if (context.response().ended() || context.response().closed() || context.failure() instanceof HttpClosedException) {
            // answered already (a 408 or 413 that closed the connection), or the client went away mid-body
            LOG.debugf("Request to %s ended early: %s", abbreviated(context.request().path()), context.failure());
            return;
        }
        if (status == 413) {
            tooLarge(context, bodyLimit);
        } else if (status == 400 && context.failure() != null && String.valueOf(context.failure().getMessage()).contains("'Host'")) {
            refuse(context, "Host", "is required: send the Host header with the server's name");
        } else if (status == 400) {
            refuse(context, "target", "is not a request target this server can read");
        } else if (status == 500 && context.failure() != null && !isSecurity(context.failure())) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(context.failure(), "Unexpected error, incident %s, before the request reached a resource", incident);
            answer(context, 500, "internal-error", "Internal server error",
                    "The server failed to answer this request. Incident " + incident + " is logged.", null, false);
        } else {
            context.next();
        }
    }

    private static boolean isSecurity(Throwable failure) {
        return failure.getClass().getName().startsWith("io.quarkus.security.");
    }

    private void tooLarge(RoutingContext context, long limit) {
        String detail = IMPORT_PATH.equals(context.request().path())
                ? "The body is larger than " + limit + " bytes, the limit for a bulk import; split it into several imports."
                : "The body is larger than " + limit + " bytes, the limit here; bulk imports at POST " + IMPORT_PATH + " may be larger.";
        answer(context, 413, "payload-too-large", "Payload too large", detail, null, true);
    }

    private void refuse(RoutingContext context, String field, String message) {
        answer(context, 400, "invalid-request", "Invalid request", "'" + field + "' " + message,
                List.of(new FieldError(field, message)), false);
    }

    private void answer(RoutingContext context, int status, String slug, String title, String detail, List<FieldError> errors,
            boolean closeConnection) {
        LOG.debugf("Refused %s %s before any resource: %d %s", context.request().method(), abbreviated(context.request().uri()),
                status, detail);
        problems.write(context, status, slug, title, detail, errors, closeConnection);
    }

    private static String abbreviated(String uri) {
        return uri == null ? "" : uri.length() > 100 ? uri.substring(0, 100) + "..." : uri;
    }
}
