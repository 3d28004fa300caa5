package dev.chipevents.common.paging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chipevents.common.problem.InvalidRequestProblem;

/**
 * The keyset cursor round trip of every list: the cursor of a request is checked against the query's
 * fingerprint and decoded into a typed position, the page is fetched strictly after it (one row more
 * than asked, to know whether another page follows), and the last row's position is encoded as the
 * next cursor.
 */
@ApplicationScoped
public class KeysetPager {

    /** One column of a list's order: how it reads in HQL, and how its value travels in a cursor. */
    public record SortColumn<R>(String expression, boolean descending, boolean nullable, Function<String, Object> parse,
            Function<R, Object> read) {

        Keyset.Column column() {
            return new Keyset.Column(expression, descending, nullable);
        }
    }

    /** Fetches at most `maxRows` rows in the order, after the position when there is one. */
    @FunctionalInterface
    public interface Fetcher<R> {

        List<R> fetch(Seek after, int maxRows);
    }

    /**
     * "Strictly after this position" as an HQL predicate and its parameters; {@link #NONE} from the start. `parts`, when
     * not null, says the same as disjoint predicates in the order their rows come ({@link Keyset#afterInParts}), for a
     * database that reads each of them as one index range but not the whole predicate.
     */
    public record Seek(String predicate, Map<String, Object> parameters, List<Seek> parts) {

        public static final Seek NONE = new Seek(null, Map.of(), null);

        /** The predicate joined to a WHERE clause (which may be empty). */
        public String appendTo(String where) {
            if (predicate == null) {
                return where;
            }
            return where.isEmpty() ? " where " + predicate : where + " and " + predicate;
        }
    }

    public record Page<R>(List<R> items, String nextCursor) {
    }

    private final CursorCodec cursors;

    public KeysetPager(CursorCodec cursors) {
        this.cursors = cursors;
    }

    public <R> Page<R> page(String canonicalQuery, List<SortColumn<R>> order, String cursor, int limit, Fetcher<R> fetcher) {
        String fingerprint = CursorCodec.fingerprint(canonicalQuery);
        Seek after = cursor == null ? Seek.NONE : seek(order, decode(order, fingerprint, cursor));
        List<R> rows = fetcher.fetch(after, limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<R> page = rows.subList(0, limit);
        return new Page<>(page, cursors.encode(fingerprint, encodedPosition(order, page.get(limit - 1))));
    }

    /** The position a cursor stands for (null without a cursor): where a stream of every match starts. */
    public <R> List<Object> position(String canonicalQuery, List<SortColumn<R>> order, String cursor) {
        return cursor == null ? null : decode(order, CursorCodec.fingerprint(canonicalQuery), cursor);
    }

    /** The position of a row, typed as a cursor decodes it. */
    public static <R> List<Object> positionOf(List<SortColumn<R>> order, R row) {
        List<Object> position = new ArrayList<>(order.size());
        for (SortColumn<R> column : order) {
            position.add(column.read().apply(row));
        }
        return position;
    }

    /** The predicate for rows after the position (null: from the start). */
    public static <R> Seek seek(List<SortColumn<R>> order, List<Object> position) {
        if (position == null) {
            return Seek.NONE;
        }
        Map<String, Object> parameters = new HashMap<>();
        List<Keyset.Column> columns = order.stream().map(SortColumn::column).toList();
        String predicate = Keyset.after(columns, position, parameters, "k");
        List<Keyset.Part> parts = Keyset.afterInParts(columns, position, "k");
        return new Seek(predicate, parameters,
                parts == null ? null : parts.stream().map(part -> new Seek(part.predicate(), part.parameters(), null)).toList());
    }

    private <R> List<Object> decode(List<SortColumn<R>> order, String fingerprint, String cursor) {
        List<String> raw = cursors.decode(cursor, fingerprint, order.size());
        try {
            List<Object> values = new ArrayList<>(order.size());
            for (int i = 0; i < order.size(); i++) {
                SortColumn<R> column = order.get(i);
                String value = raw.get(i);
                if (value == null && !column.nullable()) {
                    throw new IllegalArgumentException("null for a required column");
                }
                values.add(value == null ? null : column.parse().apply(value));
            }
            return values;
        } catch (RuntimeException e) {
            throw new InvalidRequestProblem("cursor", "is not a cursor issued by this service");
        }
    }

    private static <R> List<String> encodedPosition(List<SortColumn<R>> order, R row) {
        List<String> position = new ArrayList<>(order.size());
        for (Object value : positionOf(order, row)) {
            position.add(value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
        }
        return position;
    }
}
