package dev.chipevents.common.http;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.Problem;

/**
 * Writes an RFC 9457 problem straight onto the HTTP response, for requests refused before they reach a
 * resource (where the ProblemMapper cannot see them): malformed requests, oversized or slow bodies.
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Answers the problem unless an answer has begun. With closeConnection, the connection is closed once it
     * is written: the rest of the request (an unread body) is never read.
     */
    public void write(RoutingContext context, int status, String slug, String title, String detail, List<FieldError> errors,
            boolean closeConnection) {
        HttpServerResponse response = context.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, instanceOf(context),
                errors == null || errors.isEmpty() ? null : errors);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        boolean http1 = context.request().version() != HttpVersion.HTTP_2;
        if (closeConnection && http1) {
            response.putHeader("Connection", "close");
        }
        response.end(Buffer.buffer(body)).onComplete(done -> {
            if (closeConnection && http1) {
                context.request().connection().close();
            }
        });
    }

    /** The request path when it is one a client can read back; none for malformed or oversized targets. */
    private static String instanceOf(RoutingContext context) {
        String path = context.request().path();
        if (path == null || path.length() > 200 || !path.startsWith("/")) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return null;
            }
        }
        return path;
    }
}
