package dev.chipevents.common.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place that turns every failure into an RFC 9457 problem. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String TYPE_PREFIX = "urn:chip-events:problem:";
    /** Fields the server owns: a client sending them is told so instead of being ignored (OWASP API3). */
    private final boolean adminKeyConfigured;

    private final dev.chipevents.common.security.RateLimiter rateLimiter;

    public ProblemMapper(dev.chipevents.common.config.ChipEventsConfig config, dev.chipevents.common.security.RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.adminKeyConfigured = config.adminKey().filter(k -> !k.isBlank()).isPresent();
    }

    static final Set<String> SERVER_OWNED = Set.of("id", "version", "createdAt", "updatedAt", "createdBy", "updatedBy");

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
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
        InvalidRequestException invalid = new InvalidRequestException(errors);
        return api(invalid, uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return api(new InvalidRequestException(List.of(fieldErrorOf(e))), uri);
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

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unauthorized(io.quarkus.security.UnauthorizedException e, UriInfo uri) {
        return api(new UnauthorizedProblem("This needs credentials: send an API key in the X-API-Key header (or an"
                + " 'Authorization: Bearer' token). An admin creates keys at POST /api/v1/api-keys; the first admin key is the one"
                + " the operator sets with the environment variable CHIP_EVENTS_ADMIN_KEY, for example"
                + " CHIP_EVENTS_ADMIN_KEY=$(openssl rand -hex 24) java -jar target/quarkus-app/quarkus-run.jar"
                + (adminKeyConfigured ? "." : " (this server was started without it, so only keys created earlier can write).")),
                uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response authenticationFailed(io.quarkus.security.AuthenticationFailedException e, UriInfo uri,
            io.vertx.core.http.HttpServerRequest http) {
        rateLimiter.recordFailure(dev.chipevents.common.security.SecurityFilters.addressOf(http));
        return api(new UnauthorizedProblem("The credentials were not accepted: the API key is unknown or revoked, or the token is"
                + " expired, from another issuer or audience, or not signed by a trusted key."), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return api(new ForbiddenProblem("Your role does not allow this: creating and updating needs editor; deleting, bulk"
                + " import and key management need admin."), uri);
    }

    @ServerExceptionMapper({ jakarta.persistence.QueryTimeoutException.class, org.hibernate.QueryTimeoutException.class,
            java.sql.SQLTimeoutException.class })
    public Response statementTimeout(Exception e, UriInfo uri) {
        return api(new ServiceUnavailableProblem("The database statement took longer than the limit"
                + " (CHIP_EVENTS_QUERY_TIMEOUT_MS) and was cancelled; narrow the filters or retry later."), uri);
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public Response stale(Exception e, UriInfo uri) {
        return api(new PreconditionFailedException(
                "The resource was changed by another request meanwhile; GET it again and retry with its new ETag."), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof ApiException api) {
                return api(api, uri);
            }
            root = root.getCause();
        }
        if (root instanceof ApiException api) {
            return api(api, uri);
        }
        if (root instanceof OptimisticLockException || root instanceof StaleStateException) {
            return stale((Exception) root, uri);
        }
        if (root instanceof java.sql.SQLTimeoutException timeout) {
            return statementTimeout(timeout, uri);
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

    public static FieldError fieldErrorOf(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return new FieldError("body", "is not well-formed JSON: " + firstLine(e.getOriginalMessage()));
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new FieldError("body", "could not be read: " + firstLine(e.getOriginalMessage()));
        }
        String path = pathOf(mapping);
        if (e instanceof UnrecognizedPropertyException unknown) {
            String name = unknown.getPropertyName();
            if (SERVER_OWNED.contains(name)) {
                return new FieldError(path, "is set by the server and must not be sent");
            }
            return new FieldError(path, "is not a known field; known fields are "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return new FieldError(path, "must be one of " + Arrays.stream(target.getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", ")) + "; got '" + format.getValue() + "'");
            }
            if (target != null && java.time.LocalDate.class.isAssignableFrom(target)) {
                return new FieldError(path, "must be a real calendar date in the form YYYY-MM-DD; got '" + format.getValue() + "'");
            }
            if (target != null && UUID.class.isAssignableFrom(target)) {
                return new FieldError(path, "must be a UUID; got '" + format.getValue() + "'");
            }
            return new FieldError(path, "has an invalid value '" + format.getValue() + "'"
                    + (target == null ? "" : " (expected " + simpleType(target) + ")"));
        }
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        return new FieldError(path, "must be " + shapeOf(target));
    }

    private static String shapeOf(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "a JSON array";
        }
        if (target.isEnum() || CharSequence.class.isAssignableFrom(target) || UUID.class.isAssignableFrom(target)
                || java.time.temporal.Temporal.class.isAssignableFrom(target)) {
            return "a JSON string";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a JSON number";
        }
        if (Boolean.class.isAssignableFrom(target) || target == boolean.class) {
            return "true or false";
        }
        return "a JSON object";
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        return type.getSimpleName();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        // Jackson names Java classes in some messages; clients need none of that.
        return line.replaceAll("`[a-zA-Z0-9_.$]+`", "the expected type").replaceAll("\\(class [^)]*\\)", "");
    }
}
