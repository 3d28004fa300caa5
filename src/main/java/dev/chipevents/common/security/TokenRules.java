package dev.chipevents.common.security;

import java.time.Instant;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

import dev.chipevents.common.validation.PlainText;

/**
 * What SmallRye JWT does not check about a bearer token, refused like a bad signature (401): a name the
 * service gives itself (bootstrap-admin, system), a name that cannot be recorded as the author of a change
 * (missing, over 200 characters, control characters), and an issue time in the future.
 */
@ApplicationScoped
public class TokenRules implements SecurityIdentityAugmentor {

    /** Clocks of the identity provider and of this service may differ by this much. */
    static final long CLOCK_SKEW_SECONDS = 60;

    @Override
    public int priority() {
        return 100; // before the roles are widened: a refused token needs no roles
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        String refusal = refusal(token.getName(), token.getIssuedAtTime(), Instant.now().getEpochSecond());
        if (refusal != null) {
            return Uni.createFrom().failure(new AuthenticationFailedException(refusal));
        }
        return Uni.createFrom().item(identity);
    }

    /** Why a token with this principal name and issue time (epoch seconds, 0 when absent) is refused, or null. */
    static String refusal(String name, long issuedAt, long now) {
        if (name == null || name.isBlank()) {
            return "the token names no subject";
        }
        if (name.length() > Actor.MAX_NAME_LENGTH || !PlainText.Validator.isPlain(name)) {
            return "the token's subject is longer than " + Actor.MAX_NAME_LENGTH + " characters or holds control characters";
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (Actor.RESERVED.contains(key) || key.startsWith(Actor.KEY_PREFIX)) {
            return "the token's subject is a name this service reserves";
        }
        if (issuedAt > now + CLOCK_SKEW_SECONDS) {
            return "the token is issued in the future";
        }
        return null;
    }
}
