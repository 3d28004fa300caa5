package dev.chipevents.history;

/** The kinds of resource whose changes are recorded, with their revision tables. */
public enum ResourceKind {

    EVENT("event", "events", "event_revision", "event_id"),
    COMPANY("company", "companies", "company_revision", "company_id");

    final String singular;
    final String plural;
    final String revisionTable;
    final String idColumn;

    ResourceKind(String singular, String plural, String revisionTable, String idColumn) {
        this.singular = singular;
        this.plural = plural;
        this.revisionTable = revisionTable;
        this.idColumn = idColumn;
    }

    /** How the API names one of them: "event", "company". */
    public String singular() {
        return singular;
    }
}
