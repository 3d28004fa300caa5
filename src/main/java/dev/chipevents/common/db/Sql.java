package dev.chipevents.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;

import org.hibernate.Session;

/**
 * The one way to run SQL that Hibernate does not write: plain JDBC on the connection of the current
 * Hibernate session (so in the caller's transaction), through Hibernate's public {@code doReturningWork}.
 * Used for reads assembled in one statement, batch inserts, the history and idempotency tables and
 * the starter data. Parameters are bound by JDBC type: dates as {@link LocalDate} and instants as UTC
 * {@link OffsetDateTime}, never through {@code java.sql.Date}.
 */
@ApplicationScoped
public class Sql {

    /** Reads one row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {

        T map(ResultSet row) throws SQLException;
    }

    /** Work on the session's connection. */
    @FunctionalInterface
    public interface Work<T> {

        T run(Connection connection) throws SQLException;
    }

    /** Binds the parameters of one row of a batch. */
    @FunctionalInterface
    public interface RowBinder<T> {

        void bind(Binder binder, T row) throws SQLException;
    }

    private final EntityManager em;
    private final DataSource dataSource;
    private final AtomicLong statements;
    private final boolean fromPool;
    /** Not null: every statement runs on this connection ({@link #onOneConnection}). */
    private final Connection pinned;

    @Inject
    public Sql(EntityManager em, DataSource dataSource) {
        this(em, dataSource, new AtomicLong(), false, null);
    }

    private Sql(EntityManager em, DataSource dataSource, AtomicLong statements, boolean fromPool, Connection pinned) {
        this.em = em;
        this.dataSource = dataSource;
        this.statements = statements;
        this.fromPool = fromPool;
        this.pinned = pinned;
    }

    /**
     * The same SQL on connections straight from the pool, each given back after its statement. For work done while the
     * transaction commits (a JTA synchronization's beforeCompletion): the pool hands out the transaction's connection
     * again, since Hibernate has already released its own by then. And for a single read outside any transaction, which
     * then opens no Hibernate session.
     */
    public Sql atCommit() {
        return new Sql(em, dataSource, statements, true, null);
    }

    /**
     * Several statements on one connection straight from the pool, given back after the last: for reads outside any
     * transaction, which then open no Hibernate session.
     */
    public <T> T onOneConnection(Function<Sql, T> reads) {
        try (Connection connection = dataSource.getConnection()) {
            return reads.apply(new Sql(em, dataSource, statements, false, connection));
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** The rows of a query, each mapped; parameters bound in order. */
    public <T> List<T> query(String sql, List<?> parameters, RowMapper<T> mapper) {
        return work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                Binder binder = new Binder(statement);
                for (Object parameter : parameters) {
                    binder.add(parameter);
                }
                List<T> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(mapper.map(result));
                    }
                }
                return rows;
            }
        });
    }

    /** Reads every row of one result set, for {@link #queries}. */
    @FunctionalInterface
    public interface RowsReader {

        void read(ResultSet rows) throws SQLException;
    }

    /**
     * Several SELECTs in one string, separated by semicolons, with their parameters in order across them; each result set
     * goes to its reader, in order. PostgreSQL's driver sends them in one round trip (one network exchange instead of one
     * per statement); counted as one statement. Not for H2, whose driver runs one statement per string.
     */
    public void queries(String selects, List<?> parameters, List<RowsReader> readers) {
        work(connection -> {
            try (PreparedStatement statement = prepare(connection, selects)) {
                Binder binder = new Binder(statement);
                for (Object parameter : parameters) {
                    binder.add(parameter);
                }
                boolean rows = statement.execute();
                for (RowsReader reader : readers) {
                    if (!rows) {
                        throw new SQLException("expected " + readers.size() + " result sets from: " + selects);
                    }
                    try (ResultSet result = statement.getResultSet()) {
                        reader.read(result);
                    }
                    rows = statement.getMoreResults();
                }
                return null;
            }
        });
    }

    /** An INSERT, UPDATE or DELETE; the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        return work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                Binder binder = new Binder(statement);
                for (Object parameter : parameters) {
                    binder.add(parameter);
                }
                return statement.executeUpdate();
            }
        });
    }

    /** One JDBC batch of the statement, a row of parameters per item. */
    public <T> void batch(String sql, List<T> rows, RowBinder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        work(connection -> {
            try (PreparedStatement statement = prepare(connection, sql)) {
                for (T row : rows) {
                    binder.bind(new Binder(statement), row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    /** Any other JDBC work on the session's connection (or the pool's, or the pinned one). */
    public <T> T work(Work<T> work) {
        if (pinned != null) {
            try {
                return work.run(pinned);
            } catch (SQLException e) {
                throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
            }
        }
        if (fromPool) {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("SQL at commit failed: " + e.getMessage(), e);
            }
        }
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    /** Statements prepared here since start: with Hibernate's statistics, what a request costs. */
    public long statementCount() {
        return statements.get();
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        statements.incrementAndGet();
        return connection.prepareStatement(sql);
    }

    /** An array parameter: its elements and the database's name of their type ({@code varchar}, {@code int8}, ...). */
    public record ArrayOf(String type, Object[] elements) {

        /** One column of the rows as an array: the column's value of each row, in the rows' order. */
        public static <T> ArrayOf of(String type, List<T> rows, Function<T, Object> column) {
            Object[] elements = new Object[rows.size()];
            for (int i = 0; i < elements.length; i++) {
                elements[i] = column.apply(rows.get(i));
            }
            return new ArrayOf(type, elements);
        }
    }

    /** Binds parameters by position, null-aware, with the JDBC type each Java type needs. */
    public static final class Binder {

        private final PreparedStatement statement;
        private int index;

        Binder(PreparedStatement statement) {
            this.statement = statement;
        }

        public Binder add(Object value) throws SQLException {
            index++;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof Enum<?> e) {
                statement.setString(index, e.name());
            } else if (value instanceof UUID[] uuids) {
                statement.setArray(index, statement.getConnection().createArrayOf("uuid", uuids));
            } else if (value instanceof ArrayOf array) {
                statement.setArray(index, statement.getConnection().createArrayOf(array.type(), array.elements()));
            } else {
                statement.setObject(index, value);
            }
            return this;
        }

        /** A value that may be null, with the SQL type of its column (some drivers need the type of a null). */
        public Binder add(Object value, int sqlType) throws SQLException {
            if (value == null) {
                index++;
                statement.setNull(index, sqlType);
                return this;
            }
            return add(value);
        }
    }

    /** A timestamp column's value as JDBC drivers hand it over (types differ between H2 and PostgreSQL). */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }
}
