package dev.chipevents.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chipevents.common.db.Sql;

/** The SQL of the revision tables; nothing outside this package knows their layout. */
@ApplicationScoped
class Revisions {

    /** A revision to insert. */
    record Row(UUID id, int revision, Operation operation, Instant changedAt, String changedBy, String state) {
    }

    private final Sql sql;

    Revisions(Sql sql) {
        this.sql = sql;
    }

    int last(ResourceKind kind, UUID id) {
        return sql.query("select coalesce(max(revision), 0) from " + kind.revisionTable + " where " + kind.idColumn + " = ?",
                List.of(id), row -> row.getInt(1)).get(0);
    }

    void insert(ResourceKind kind, List<Row> rows) {
        sql.batch("insert into " + kind.revisionTable + " (" + kind.idColumn
                + ", revision, operation, changed_at, changed_by, state) values (?, ?, ?, ?, ?, ?)", rows,
                (binder, row) -> binder.add(row.id()).add(row.revision()).add(row.operation()).add(row.changedAt())
                        .add(row.changedBy()).add(row.state()));
    }

    List<Revision> list(ResourceKind kind, UUID id) {
        return sql.query("select revision, operation, changed_at, changed_by, state from " + kind.revisionTable + " where "
                + kind.idColumn + " = ? order by revision", List.of(id),
                row -> new Revision(row.getInt(1),
                        Operation.valueOf(row.getString(2)), Sql.instant(row, 3), row.getString(4), row.getString(5)));
    }
}
