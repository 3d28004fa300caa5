package dev.chipevents.apikey;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import dev.chipevents.common.security.Actor;
import dev.chipevents.common.security.ApiKeyAuthenticationRequest;
import dev.chipevents.common.security.Roles;

/** Turns an API key into an identity whose roles include every role the key's role implies. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeyService keys;

    public ApiKeyIdentityProvider(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            var requestContext = Arc.container().requestContext();
            boolean activated = !requestContext.isActive();
            if (activated) {
                requestContext.activate();
            }
            try {
                ApiKeyService.Holder holder = keys.authenticate(request.key())
                        .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API key"));
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(holder.principal()))
                        .addAttribute(Actor.DISPLAY_NAME, holder.displayName())
                        .addRoles(Roles.implied(holder.role()))
                        .build();
            } finally {
                if (activated) {
                    requestContext.terminate();
                }
            }
        });
    }
}
