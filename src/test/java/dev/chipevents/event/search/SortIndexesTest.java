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
        boolean postgres = dbKind.startsWith("postgres");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                if (postgres) {
                    // However small the test's table, a sort is chosen only when no index gives the order.
                    statement.execute("set local enable_sort = off");
                    statement.execute("set local enable_seqscan = off");
                }
                for (EventSort field : EventSort.values()) {
                    for (boolean descending : new boolean[]{ false, true }) {
                        String direction = descending ? " desc" : " asc";
                        String query = "select id from event order by " + column(field) + direction
                                + (field.nullable ? " nulls last" : "") + ", id" + direction + " fetch first 51 rows only";
                        String plan = String.join("\n", explain(statement, query));
                        if (postgres) {
                            assertTrue(plan.contains("Index"), query + "\n" + plan);
                            assertFalse(plan.contains("Sort"), "sorted every row: " + query + "\n" + plan);
                        } else {
                            assertTrue(plan.contains("/* index sorted */"), "sorted every row: " + query + "\n" + plan);
                        }
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
