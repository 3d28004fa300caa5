package dev.chipevents.history;

/** What a change did to a resource. */
public enum Operation {

    CREATE("created"),
    UPDATE("updated"),
    DELETE("deleted"),
    RESTORE("restored");

    final String pastTense;

    Operation(String pastTense) {
        this.pastTense = pastTense;
    }
}
