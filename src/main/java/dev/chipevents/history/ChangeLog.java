package dev.chipevents.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.chipevents.common.Ids;
import dev.chipevents.common.db.Sql;

/**
 * The SQL of the change log: one entry per committed change, numbered so that the numbers only grow in
 * commit order. Nothing outside this package knows its tables; an entry's state is read from the
 * revision it names.
 *
 * <p>Why a locked counter and not a database sequence: a sequence (or an identity column) hands out
 * numbers when a row is inserted, so a transaction that took 41 can commit after one that took 42, and
 * a reader that has already seen 42 would never look back for 41. Here each writing transaction locks
 * the counter's one row as its very last step (see {@link ChangeRecorder}), takes the next numbers and
 * commits: the next writer gets the lock only once that commit is visible. The numbers are therefore
 * handed out in commit order and have no gaps (a rolled-back transaction gives its numbers back), which
 * lets readers notice entries that were purged. The cost is that commits of writes queue for the lock.
 * On H2 (embedded, no round trips) the last step is this class's statements. On PostgreSQL the entries go in
 * unnumbered and a deferred trigger numbers them inside COMMIT (migration V16), so the lock is never held while
 * a statement travels to or from the service.
 */
@ApplicationScoped
public class ChangeLog {

    /** The PostgreSQL channel on which every committed append is announced (LISTEN/NOTIFY, by migration V16's trigger). */
    public static final String CHANNEL = "chip_events_changes";

    /** An entry to append: which revision of which resource, and how it came about. */
    record Pending(ResourceKind kind, UUID id, int revision, Operation operation, long version, Instant at, String by,
            boolean imported) {
    }

    private final Sql sql;
    /** The same SQL on a connection straight from the pool: no Hibernate session opened for one read of the counter. */
    private final Sql pooled;
    private final boolean postgres;
    /**
     * Whether every write to the database goes through this process: H2 opened in the process (a file, which H2 locks
     * to one process, or memory), not through a TCP server or H2's automatic mixed mode, where others may write too.
     */
    private final boolean exclusive;
    /** With {@link #exclusive}: the last number of the commits this process has seen end; -1 until first needed. */
    private final AtomicLong committed = new AtomicLong(-1);

    ChangeLog(Sql sql, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url) {
        this.sql = sql;
        this.pooled = sql.atCommit();
        this.postgres = dbKind.startsWith("postgres");
        this.exclusive = !postgres && exclusive(url);
    }

    /** An H2 URL that opens the database inside this process and lets no other process in. */
    static boolean exclusive(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:")
                && !lower.replace(" ", "").contains("auto_server=true");
    }

    /**
     * Numbers and inserts the entries of the current transaction; must be its last statement before
     * commit (on H2 the counter stays locked from here until then); the last number taken. On PostgreSQL the numbers
     * are taken inside COMMIT, which also queues a notification, delivered once the commit is visible: -1 here.
     */
    long append(List<Pending> entries) {
        if (entries.isEmpty()) {
            return -1;
        }
        Sql sql = this.sql.atCommit();
        if (postgres) {
            appendNumberedAtCommit(sql, entries);
            return -1;
        }
        sql.update("update change_log_counter set last_sequence = last_sequence + ? where id = 1", entries.size());
        long last = sql.query("select last_sequence from change_log_counter where id = 1", List.of(), row -> row.getLong(1)).get(0);
        long first = last - entries.size() + 1;
        List<Numbered> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            rows.add(new Numbered(first + i, entries.get(i)));
        }
        sql.batch("insert into change_log (sequence, operation, resource, resource_id, revision, version, changed_at, changed_by,"
                + " imported) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
                (binder, row) -> binder.add(row.sequence())
                        .add(row.entry().operation()).add(row.entry().kind()).add(row.entry().id()).add(row.entry().revision())
                        .add(row.entry().version()).add(row.entry().at()).add(row.entry().by()).add(row.entry().imported()));
        return last;
    }

    private record Numbered(long sequence, Pending entry) {
    }

    /** Entries per row of change_log_append: a bulk import's entries go in several rows, numbered one after another. */
    private static final int ENTRIES_PER_ROW = 1000;

    /**
     * PostgreSQL: the entries go in unnumbered, as rows of arrays, and a deferred trigger numbers them inside COMMIT,
     * where it locks the counter, and announces the last number (migration V16). No lock is taken here.
     */
    private static void appendNumberedAtCommit(Sql sql, List<Pending> entries) {
        List<List<Pending>> rows = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += ENTRIES_PER_ROW) {
            rows.add(entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_ROW)));
        }
        sql.batch("insert into change_log_append (id, operations, resources, resource_ids, revisions, versions, changed_at, changed_by,"
                + " imported) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
                (binder, row) -> binder.add(Ids.newId())
                        .add(Sql.ArrayOf.of("varchar", row, e -> e.operation().name()))
                        .add(Sql.ArrayOf.of("varchar", row, e -> e.kind().name()))
                        .add(Sql.ArrayOf.of("uuid", row, Pending::id)).add(Sql.ArrayOf.of("int4", row, Pending::revision))
                        .add(Sql.ArrayOf.of("int8", row, Pending::version)).add(Sql.ArrayOf.of("timestamptz", row, e -> e.at().toString()))
                        .add(Sql.ArrayOf.of("varchar", row, Pending::by)).add(Sql.ArrayOf.of("bool", row, Pending::imported)));
    }

    /** The highest sequence handed out so far (0 before the first change). */
    public long lastSequence() {
        return lastSequence(sql);
    }

    private static long lastSequence(Sql on) {
        return on.query("select last_sequence from change_log_counter where id = 1", List.of(), row -> row.getLong(1)).get(0);
    }

    /**
     * A number that moves on with every commit that changed the ledger, to tell whether anything changed since it was
     * read: {@link #lastSequence()}, except where only this process writes the database ({@link #exclusive}), where it is
     * kept in memory and costs no statement. It then moves on after each commit has ended (and before the writer's
     * answer is sent), never before, so it may lag a commit for that moment and never runs ahead of one: whoever reads
     * it and then reads the ledger reads data at least as new as the number. The counter is read on a connection from the
     * pool, without a Hibernate session (a cache hit on PostgreSQL needs nothing else).
     */
    public long changeMark() {
        if (!exclusive) {
            return lastSequence(pooled);
        }
        long known = committed.get();
        return known >= 0 ? known : committed.accumulateAndGet(lastSequence(pooled), Math::max);
    }

    /** A transaction that appended up to this number has committed (see {@link #changeMark()}). */
    void committed(long last) {
        if (exclusive && last >= 0) {
            committed.accumulateAndGet(last, Math::max);
        }
    }

    /** The highest sequence removed by the retention purge: a reader that has seen less has missed entries. */
    public long purgedThrough() {
        return sql.query("select purged_through from change_log_counter where id = 1", List.of(), row -> row.getLong(1)).get(0);
    }

    /**
     * Up to `limit` entries after the sequence, in order, each with the state its change left (for a delete:
     * the state deleted) and the state before it (null for a create).
     */
    public List<LoggedChange> after(long sequence, int limit) {
        StringBuilder select = new StringBuilder("select l.sequence, l.operation, l.resource, l.resource_id, l.version,"
                + " l.changed_at, l.changed_by, l.imported, ");
        StringBuilder joins = new StringBuilder();
        List<String> states = new ArrayList<>();
        List<String> previous = new ArrayList<>();
        for (ResourceKind kind : ResourceKind.values()) {
            String now = "s_" + kind.name().toLowerCase();
            String before = "p_" + kind.name().toLowerCase();
            String on = " on l.resource = '" + kind.name() + "' and ";
            joins.append(" left join ").append(kind.revisionTable).append(' ').append(now).append(on).append(now).append('.')
                    .append(kind.idColumn).append(" = l.resource_id and ").append(now).append(".revision = l.revision");
            joins.append(" left join ").append(kind.revisionTable).append(' ').append(before).append(on).append(before).append('.')
                    .append(kind.idColumn).append(" = l.resource_id and ").append(before).append(".revision = l.revision - 1");
            states.add(now + ".state");
            previous.add(before + ".state");
        }
        select.append(coalesce(states)).append(", ").append(coalesce(previous)).append(" from change_log l").append(joins)
                .append(" where l.sequence > ? order by l.sequence fetch first ? rows only");
        return sql.query(select.toString(), List.of(sequence, limit), row -> new LoggedChange(row.getLong(1),
                Operation.valueOf(row.getString(2)), ResourceKind.valueOf(row.getString(3)), row.getObject(4, UUID.class),
                row.getLong(5), Sql.instant(row, 6), row.getString(7), row.getBoolean(8), row.getString(9), row.getString(10)));
    }

    /**
     * Removes the entries of changes made before the instant, as one run from the oldest, and records the
     * last one removed; the number of entries removed.
     */
    public int purgeBefore(Instant cutoff) {
        Long through = sql.query("select max(sequence) from change_log where changed_at < ?", List.of(cutoff),
                row -> row.getObject(1) == null ? null : row.getLong(1)).get(0);
        if (through == null) {
            return 0;
        }
        int removed = sql.update("delete from change_log where sequence <= ?", through);
        sql.update("update change_log_counter set purged_through = ? where id = 1 and purged_through < ?", through, through);
        return removed;
    }

    private static String coalesce(List<String> columns) {
        return columns.size() == 1 ? columns.get(0) : "coalesce(" + String.join(", ", columns) + ")";
    }
}
