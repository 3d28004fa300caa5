package dev.chipevents.common.security;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.problem.ForbiddenProblem;
import dev.chipevents.common.problem.ProblemMapper;
import dev.chipevents.common.problem.TooManyRequestsProblem;
import dev.chipevents.common.problem.UnauthorizedProblem;

/**
 * Quarkus Security's failures as problems that say how to get in. A failed authentication counts against
 * the client's address; beyond the limit it is answered 429 instead of 401 (a valid credential never is).
 */
public class SecurityProblems {

    private final boolean adminKeyConfigured;
    private final RateLimiter rateLimiter;

    public SecurityProblems(ChipEventsConfig config, RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.adminKeyConfigured = config.adminKey().filter(k -> !k.isBlank()).isPresent();
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return ProblemMapper.toResponse(new UnauthorizedProblem("This needs credentials: send an API key in the X-API-Key header (or an"
                + " 'Authorization: Bearer' token). An admin creates keys at POST /api/v1/api-keys; the first admin key is the one"
                + " the operator sets with the environment variable CHIP_EVENTS_ADMIN_KEY, for example"
                + " CHIP_EVENTS_ADMIN_KEY=$(openssl rand -hex 24) java -jar target/quarkus-app/quarkus-run.jar"
                + (adminKeyConfigured ? "." : " (this server was started without it, so only keys created earlier can write).")),
                uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri,
            HttpServerRequest http) {
        try {
            rateLimiter.recordFailure(http);
        } catch (TooManyRequestsProblem tooManyFailures) {
            return ProblemMapper.toResponse(tooManyFailures, uri);
        }
        return ProblemMapper
                .toResponse(new UnauthorizedProblem("The credentials were not accepted: the API key is unknown or revoked, or the token is"
                        + " expired, from another issuer or audience, or not signed by a trusted key."), uri);
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemMapper
                .toResponse(new ForbiddenProblem("Your role does not allow this: creating and updating needs editor; deleting, bulk"
                        + " import and key management need admin."), uri);
    }
}
