package dev.chipevents.event.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every order a page of events can be sorted in (each field of {@link EventSort}, both directions, nulls last as
 * `Keyset` writes them) is read from an index in that order, so a page stops after its rows instead of sorting every
 * event. On H2 that took its own indexes for the ascending nullable fields (migration V20): without them sort=amount
 * sorted every row for each page.
 */
@QuarkusTest
class SortIndexesTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void everySortOrderIsReadFromAnIndex() throws SQLException {
        List<String> queries = new ArrayList<>();
        for (EventSort field : EventSort.values()) {
            for (boolean descending : new boolean[]{ false, true }) {
                String direction = descending ? " desc" : " asc";
                queries.add("select id from event order by " + column(field) + direction + (field.nullable ? " nulls last" : "")
                        + ", id" + direction + " fetch first 51 rows only");
            }
        }
        assertEachReadFromAnIndex(queries, "");
    }

    /**
     * One company's events by date, either way, and by amount, largest first, are read from its participant rows' indexes
     * in the page's order (V14, V21), as `EventSearch` writes such a page: led by the company, ties by the row's event id.
     */
    @Test
    void aCompanysRowsAreReadInThePagesOrder() throws SQLException {
        String rows = "select e.id from event e join event_participant p on p.event_id = e.id"
                + " where p.company_id = '0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6e'";
        String since = " and p.event_occurred_on >= date '2020-01-01'";
        // The company's id leads in the direction that makes the whole order the index's, or its exact reverse.
        List<String> queries = new ArrayList<>();
        for (String range : List.of("", since)) {
            queries.add(rows + range + " order by p.company_id asc, p.event_occurred_on desc, p.event_id desc fetch first 51 rows only");
            queries.add(rows + range + " order by p.company_id desc, p.event_occurred_on asc, p.event_id asc fetch first 51 rows only");
        }
        queries.add(rows + " order by p.company_id asc, p.event_amount desc nulls last, p.event_id desc fetch first 51 rows only");
        assertEachReadFromAnIndex(queries, "IX_EVENT_PARTICIPANT_COMPANY_");
    }

    /**
     * Each query's plan reads an index (whose name starts with `index`, in any case, when given) in the query's order: on
     * PostgreSQL with sorts and sequential scans off, so that a sort is chosen only when no index gives the order, however
     * small the test's tables; on H2 by its own mark of an index read in order.
     */
    private void assertEachReadFromAnIndex(List<String> queries, String index) throws SQLException {
        boolean postgres = dbKind.startsWith("postgres");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                if (postgres) {
                    statement.execute("set local enable_sort = off");
                    statement.execute("set local enable_seqscan = off");
                }
                for (String query : queries) {
                    String plan = String.join("\n", explain(statement, query));
                    String read = postgres ? "index" : "/* index sorted */";
                    assertTrue(plan.toLowerCase().contains(read), "sorted every row: " + query + "\n" + plan);
                    assertTrue(plan.toLowerCase().contains(index.toLowerCase()), "not read from " + index + ": " + query + "\n" + plan);
                    if (postgres) {
                        assertFalse(plan.contains("Sort"), "sorted every row: " + query + "\n" + plan);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The table column of a sort field: its HQL path (e.percentChange) in snake case (percent_change). */
    private static String column(EventSort field) {
        return field.expression.substring(field.expression.indexOf('.') + 1).replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    private static List<String> explain(Statement statement, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet plan = statement.executeQuery("explain " + query)) {
            while (plan.next()) {
                lines.add(plan.getString(1));
            }
        }
        return lines;
    }
}
