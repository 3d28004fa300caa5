package dev.chipevents.common.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/** Who is making the current change: an API key's id, a token's subject, or "system" outside requests. */
@ApplicationScoped
public class Actor {

    public static final String SYSTEM = "system";
    /** The principal of the operator's CHIP_EVENTS_ADMIN_KEY. */
    public static final String BOOTSTRAP_ADMIN = "bootstrap-admin";
    /** Names the service gives itself; no token may claim them. */
    public static final Set<String> RESERVED = Set.of(SYSTEM, BOOTSTRAP_ADMIN);
    /** The longest name that is recorded as who made a change (the created_by and updated_by columns). */
    public static final int MAX_NAME_LENGTH = 200;

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
