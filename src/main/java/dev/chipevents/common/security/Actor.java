package dev.chipevents.common.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is making the current change: an API key's id, a token's subject, or "system" outside requests. */
@ApplicationScoped
public class Actor {

    public static final String SYSTEM = "system";

    private final Instance<SecurityIdentity> identity;

    public Actor(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    public String name() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity current = identity.get();
        if (current == null || current.isAnonymous()) {
            return SYSTEM;
        }
        return current.getPrincipal().getName();
    }
}
