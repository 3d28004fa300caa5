package dev.chipevents.common.security;

import java.util.Set;

/** The three roles; each includes the ones below it (admin can do what an editor can, and so on). */
public final class Roles {

    public static final String READER = "reader";
    public static final String EDITOR = "editor";
    public static final String ADMIN = "admin";

    private Roles() {
    }

    /** The role with every role it implies. */
    public static Set<String> implied(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, EDITOR, READER);
            case EDITOR -> Set.of(EDITOR, READER);
            case READER -> Set.of(READER);
            default -> Set.of();
        };
    }
}
