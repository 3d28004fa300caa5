package dev.chipevents.common.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is making the current change, as the ledger records it: an API key by name and id
 * (`key:nightly importer (0193…)`), a token's subject, the operator's `bootstrap-admin`, or `system`
 * outside requests.
 */
@ApplicationScoped
public class Actor {

    public static final String SYSTEM = "system";
    /** The identity attribute that carries how changes name the caller, when it is not the principal's name. */
    public static final String DISPLAY_NAME = "chip-events.display-name";
    /** The principal of the operator's CHIP_EVENTS_ADMIN_KEY. */
    public static final String BOOTSTRAP_ADMIN = "bootstrap-admin";
    /** Names the service gives itself; no token may claim them. */
    public static final Set<String> RESERVED = Set.of(SYSTEM, BOOTSTRAP_ADMIN);
    /** How changes made with an API key are named (`key:nightly importer (0193…)`); no token may take a name like it. */
    public static final String KEY_PREFIX = "key:";
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
        Object display = current.getAttribute(DISPLAY_NAME);
        return display instanceof String name ? name : current.getPrincipal().getName();
    }
}
