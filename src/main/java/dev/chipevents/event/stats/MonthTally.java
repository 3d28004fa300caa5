package dev.chipevents.event.stats;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.chipevents.common.Ids;
import dev.chipevents.common.db.Sql;
import dev.chipevents.event.AmountKind;
import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.Event;
import dev.chipevents.event.search.EventQuery;

/**
 * The events counted per month, type, date precision, amount kind and currency, with their amounts summed (table
 * event_month_stats): what statistics by month, quarter, year or type read instead of every event, when the query
 * filters by nothing but types and whole months. Every write of an event tells it what the event counted as before
 * and after ({@link #moved}, called after ChangeRecorder has recorded the change); the transaction adds the
 * differences to the table as it commits, in one pass in key order. Synchronizations run in the order they were
 * registered, so on H2 this pass comes after the change log has locked its counter for the commit: tally writes never
 * run side by side. On PostgreSQL a deferred trigger adds them inside COMMIT, once it holds the change log's counter
 * (migration V17). Either way no two writers wait on each other's rows in opposite order. V13 filled the
 * table from the events already stored.
 */
@ApplicationScoped
public class MonthTally {

    /** What one event counts as: its bucket and its amount (null when it has none). */
    public record Entry(Key key, BigDecimal amount) {
    }

    /** A row of the table; no amount is '' for kind and currency (a key column cannot be null). */
    record Key(int month, String type, String precision, String kind, String currency) {

        static final Comparator<Key> ORDER = Comparator.comparingInt(Key::month).thenComparing(Key::type)
                .thenComparing(Key::precision).thenComparing(Key::kind).thenComparing(Key::currency);
    }

    private static final class Delta {

        long events;
        BigDecimal sum = BigDecimal.ZERO;
    }

    /** The key under which a transaction keeps its differences until it commits. */
    private static final Object PENDING = new Object();

    private final Sql sql;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean postgres;

    MonthTally(Sql sql, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.sql = sql;
        this.transactions = transactions;
        this.postgres = dbKind.startsWith("postgres");
    }

    /** What the event counts as now; read it before a change and after. */
    public static Entry of(Event event) {
        LocalDate day = event.getOccurredOn();
        return new Entry(new Key(day.getYear() * 100 + day.getMonthValue(), event.getType().name(), event.getDatePrecision().name(),
                event.getAmountKind() == null ? "" : event.getAmountKind().name(),
                event.getCurrency() == null ? "" : event.getCurrency()), event.getAmount());
    }

    /** An event counted as `before` (null: it did not exist) now counts as `after` (null: deleted), in this transaction. */
    public void moved(Entry before, Entry after) {
        if (before != null && before.equals(after)) {
            return;
        }
        Map<Key, Delta> pending = pending();
        if (before != null) {
            add(pending, before, -1);
        }
        if (after != null) {
            add(pending, after, 1);
        }
    }

    private static void add(Map<Key, Delta> pending, Entry entry, int sign) {
        Delta delta = pending.computeIfAbsent(entry.key(), k -> new Delta());
        delta.events += sign;
        if (entry.amount() != null) {
            delta.sum = sign > 0 ? delta.sum.add(entry.amount()) : delta.sum.subtract(entry.amount());
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Key, Delta> pending() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("An event's statistics change only within the transaction that changes it");
        }
        Map<Key, Delta> pending = (Map<Key, Delta>) transactions.getResource(PENDING);
        if (pending == null) {
            Map<Key, Delta> differences = new TreeMap<>(Key.ORDER);
            transactions.putResource(PENDING, differences);
            transactions.registerInterposedSynchronization(new Synchronization() {

                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        write(differences);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // a rolled-back transaction wrote nothing
                }
            });
            pending = differences;
        }
        return pending;
    }

    /** Adds the differences to their rows, in key order; rows are created at their first event and kept at zero. */
    private void write(Map<Key, Delta> differences) {
        List<Map.Entry<Key, Delta>> changed = new ArrayList<>();
        differences.forEach((key, delta) -> {
            if (delta.events != 0 || delta.sum.signum() != 0) {
                changed.add(Map.entry(key, delta));
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        if (postgres) {
            addAtCommit(changed);
            return;
        }
        sql.atCommit().work(connection -> {
            updateThenInsert(connection, changed);
            return null;
        });
    }

    private static final String KEY_COLUMNS = "month_key, type, date_precision, amount_kind, currency";

    /**
     * PostgreSQL: the differences go in as one row of arrays, in key order, and a deferred trigger adds them to their
     * rows inside COMMIT (migration V17), so no tally row stays locked while a statement travels to or from the service.
     */
    private void addAtCommit(List<Map.Entry<Key, Delta>> changed) {
        sql.atCommit().update("insert into event_month_stats_append (id, month_keys, types, date_precisions, amount_kinds, currencies,"
                + " events, amount_sums) values (?, ?, ?, ?, ?, ?, ?, ?)", Ids.newId(),
                Sql.ArrayOf.of("int4", changed, e -> e.getKey().month()),
                Sql.ArrayOf.of("varchar", changed, e -> e.getKey().type()), Sql.ArrayOf.of("varchar", changed, e -> e.getKey().precision()),
                Sql.ArrayOf.of("varchar", changed, e -> e.getKey().kind()), Sql.ArrayOf.of("varchar", changed, e -> e.getKey().currency()),
                Sql.ArrayOf.of("int8", changed, e -> e.getValue().events), Sql.ArrayOf.of("numeric", changed, e -> e.getValue().sum));
    }

    /**
     * H2 has no INSERT ... ON CONFLICT: the rows are updated in one batch, the missing ones inserted; one that another
     * transaction inserted meanwhile (a duplicate key once it commits) is updated after all.
     */
    private static void updateThenInsert(Connection connection, List<Map.Entry<Key, Delta>> changed) throws SQLException {
        String update = "update event_month_stats set events = events + ?, amount_sum = amount_sum + ? where month_key = ? and type = ?"
                + " and date_precision = ? and amount_kind = ? and currency = ?";
        int[] counts;
        try (PreparedStatement updates = connection.prepareStatement(update)) {
            for (Map.Entry<Key, Delta> row : changed) {
                bindUpdate(updates, row);
                updates.addBatch();
            }
            counts = updates.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into event_month_stats (" + KEY_COLUMNS
                + ", events, amount_sum) values (?, ?, ?, ?, ?, ?, ?)"); PreparedStatement retry = connection.prepareStatement(update)) {
            for (int i = 0; i < changed.size(); i++) {
                if (counts[i] != 0) {
                    continue;
                }
                Map.Entry<Key, Delta> row = changed.get(i);
                bindKey(insert, row.getKey(), 1);
                insert.setLong(6, row.getValue().events);
                insert.setBigDecimal(7, row.getValue().sum);
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    bindUpdate(retry, row);
                    if (retry.executeUpdate() != 1) {
                        throw new SQLException("event_month_stats: the row " + row.getKey() + " neither inserts nor updates", e);
                    }
                }
            }
        }
    }

    private static void bindUpdate(PreparedStatement update, Map.Entry<Key, Delta> row) throws SQLException {
        update.setLong(1, row.getValue().events);
        update.setBigDecimal(2, row.getValue().sum);
        bindKey(update, row.getKey(), 3);
    }

    private static void bindKey(PreparedStatement statement, Key key, int first) throws SQLException {
        statement.setInt(first, key.month());
        statement.setString(first + 1, key.type());
        statement.setString(first + 2, key.precision());
        statement.setString(first + 3, key.kind());
        statement.setString(first + 4, key.currency());
    }

    /**
     * Whether the tally answers this query grouped this way as the events themselves would: filters by types and whole
     * months only (from on a month's first day, to on its last), grouped by month, quarter, year or type.
     */
    static boolean answers(EventQuery query, StatsGrouping groupBy) {
        boolean grouping = switch (groupBy) {
            case month, quarter, year, type -> true;
            default -> false;
        };
        return grouping && (query.from() == null || query.from().getDayOfMonth() == 1)
                && (query.to() == null || query.to().getDayOfMonth() == query.to().lengthOfMonth()) && query.companies().isEmpty()
                && query.country() == null && query.tags().isEmpty() && query.words().isEmpty() && query.currency() == null
                && query.minAmount() == null && query.maxAmount() == null && query.minChange() == null && query.maxChange() == null
                && query.amountKinds().isEmpty() && query.relatedTo() == null;
    }

    /** Rows of (key, datePrecision, amountKind, currency, count, sum of amount), as EventStats.of takes them. */
    List<Object[]> rows(EventQuery query, StatsGrouping groupBy) {
        String key = switch (groupBy) {
            case month -> "month_key";
            case quarter -> "(month_key / 100) * 10 + (mod(month_key, 100) + 2) / 3";
            case year -> "month_key / 100";
            case type -> "type";
            default -> throw new IllegalArgumentException("The monthly tally does not group by " + groupBy);
        };
        StringBuilder where = new StringBuilder(" where events <> 0");
        List<Object> parameters = new ArrayList<>();
        if (!query.types().isEmpty()) {
            where.append(" and type in (").append(String.join(", ", query.types().stream().map(t -> "?").toList())).append(')');
            query.types().forEach(t -> parameters.add(t.name()));
        }
        if (query.from() != null) {
            where.append(" and month_key >= ?");
            parameters.add(query.from().getYear() * 100 + query.from().getMonthValue());
        }
        if (query.to() != null) {
            where.append(" and month_key <= ?");
            parameters.add(query.to().getYear() * 100 + query.to().getMonthValue());
        }
        return sql.query("select " + key + ", date_precision, amount_kind, currency, sum(events), sum(amount_sum) from event_month_stats"
                + where + " group by " + key + ", date_precision, amount_kind, currency", parameters, row -> {
                    String kind = row.getString(3);
                    String currency = row.getString(4);
                    boolean amounts = !currency.isEmpty();
                    Object value = groupBy == StatsGrouping.type ? row.getString(1) : (Object) row.getInt(1);
                    return new Object[]{ value, DatePrecision.valueOf(row.getString(2)), kind.isEmpty() ? null : AmountKind.valueOf(kind),
                            amounts ? currency : null, row.getLong(5), amounts ? row.getBigDecimal(6) : null };
                });
    }
}
