package dev.chipevents.common.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place that turns every failure into an RFC 9457 problem. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String TYPE_PREFIX = Problem.TYPE_PREFIX;
    @ServerExceptionMapper
    public Response api(ApiProblem e, UriInfo uri) {
        return toResponse(e, uri);
    }

    /** The answer to a problem: its status, its headers and an RFC 9457 body. */
    public static Response toResponse(ApiProblem e, UriInfo uri) {
        Response answer = problem(e.status(), e.slug(), e.title(), e.getMessage(), uri, e.errors());
        if (e.headers().isEmpty()) {
            return answer;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(answer);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .distinct()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .collect(Collectors.toList());
        InvalidRequestProblem invalid = new InvalidRequestProblem(errors);
        return api(invalid, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return api(new InvalidRequestProblem(List.of(JsonErrors.of(e))), uri);
    }

    /** Quarkus maps this Jackson failure itself (an empty 400); ours names the field. */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String detail = switch (status) {
            case 404 -> "No resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            case 406 -> "None of the media types in Accept can be produced here (application/json, and text/csv where documented).";
            case 415 -> "This content type is not accepted here: send application/json"
                    + " (application/merge-patch+json for PATCH).";
            default -> e.getMessage();
        };
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType == null ? "Error" : statusType.getReasonPhrase();
        Response answer = problem(status, slugOf(title), title, detail, uri, null);
        if (status == 405 && e.getResponse().getHeaderString("Allow") != null) {
            return Response.fromResponse(answer).header("Allow", e.getResponse().getHeaderString("Allow")).build();
        }
        return answer;
    }

    @ServerExceptionMapper({ jakarta.persistence.QueryTimeoutException.class, org.hibernate.QueryTimeoutException.class,
            java.sql.SQLTimeoutException.class })
    public Response statementTimeout(Exception e, UriInfo uri) {
        return api(new ServiceUnavailableProblem("The database statement took longer than the limit"
                + " (CHIP_EVENTS_QUERY_TIMEOUT_MS) and was cancelled; narrow the filters or retry later."), uri);
    }

    /**
     * Another request changed the resource between this one's read and its write: 412 when the client
     * sent If-Match (its version is stale), otherwise 409 (a race it can retry).
     */
    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response stale(Exception e, UriInfo uri, HttpHeaders headers) {
        if (headers != null && headers.getHeaderString("If-Match") != null) {
            return api(new PreconditionFailedProblem(
                    "The resource was changed by another request meanwhile; GET it again and retry with its new ETag."), uri);
        }
        return api(new ConflictProblem("Another request changed the same resource at the same moment; retry."), uri);
    }

    /** Two requests raced for the same unique value (an id, an externalId, a name): the loser is told, never a 500. */
    @ServerExceptionMapper
    public Response uniqueValueTaken(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return api(Conflicts.of(e.getConstraintName()), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ApiProblem api) {
                return api(api, uri);
            }
            root = root.getCause();
        }
        if (root instanceof ApiProblem api) {
            return api(api, uri);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return stale((Exception) cause, uri, null);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException unique) {
                return uniqueValueTaken(unique, uri);
            }
        }
        if (root instanceof java.sql.SQLTimeoutException timeout) {
            return statementTimeout(timeout, uri);
        }
        if (root instanceof java.sql.SQLException sql && sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
            // Every pooled connection is busy: the service is overloaded for a moment, not broken.
            return api(new ServiceUnavailableProblem("busy", "Busy", "Every database connection is in use; retry after the number of"
                    + " seconds in Retry-After.", 2), uri);
        }
        var databaseFailure = DatabaseFailures.of(e);
        if (databaseFailure.isPresent()) {
            // One line, no stack trace: once the database is closed every request ends here.
            LOG.errorf("%s on %s: %s", databaseFailure.get().title(), uri.getPath(), root);
            return api(databaseFailure.get(), uri);
        }
        if (root instanceof io.vertx.core.http.HttpClosedException) {
            // The client hung up while sending its body: nobody reads this answer; not the server's fault.
            LOG.debugf("Client closed the connection during %s", uri.getPath());
            return problem(400, "body-incomplete", "Body incomplete", "The connection closed before the whole body arrived.", uri, null);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s, on %s", incident, uri.getPath());
        return problem(500, "internal-error", "Internal server error",
                "The server failed to answer this request. Incident " + incident + " is logged.", uri, null);
    }

    static Response problem(int status, String slug, String title, String detail, UriInfo uri, List<FieldError> errors) {
        Problem body = new Problem(TYPE_PREFIX + slug, title, status, detail, uri == null ? null : uri.getPath(),
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String slugOf(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            String name = node.getName();
            if (node.getIndex() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
            }
            if (name != null && !name.isEmpty()) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? "body" : String.join(".", parts);
    }
}
