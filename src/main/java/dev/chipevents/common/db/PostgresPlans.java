package dev.chipevents.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalPoolInterceptor;

/**
 * PostgreSQL only: every pooled connection plans each statement for its actual parameters
 * (plan_cache_mode = force_custom_plan). pgjdbc prepares a statement on the server after five runs,
 * and PostgreSQL may then switch to a generic plan that ignores the values: for `q` (LIKE over the
 * trigram index) and for a company or tag filter that is a bitmap scan over every match and a sort,
 * 700 ms instead of 2 ms at a million events. Planning costs a fraction of a millisecond. The bulk
 * import keeps generic plans for its INSERTs and asks for custom ones only around its lookups
 * ({@link #customPlansInThisTransaction}).
 */
@ApplicationScoped
public class PostgresPlans implements AgroalPoolInterceptor {

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            if (isPostgres(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set plan_cache_mode = force_custom_plan");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up a new database connection", e);
        }
    }

    /**
     * PostgreSQL only: plans the next statements of this transaction for their actual parameters (custom)
     * or lets it reuse generic plans. A bulk import's per-chunk lookup of existing externalIds needs custom
     * plans (a generic plan made while the table was small scans every row the import has added so far);
     * the INSERTs between lookups are best with generic plans (no planning per row).
     */
    public static void customPlansInThisTransaction(Sql sql, boolean custom) {
        sql.work(connection -> {
            if (isPostgres(connection)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local plan_cache_mode = " + (custom ? "force_custom_plan" : "auto"));
                }
            }
            return null;
        });
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
