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
 * import turns generic plans back on for its INSERTs (EventBatchWriter.customPlans).
 */
@ApplicationScoped
public class PostgresPlans implements AgroalPoolInterceptor {

    @Override
    public void onConnectionCreate(Connection connection) {
        try {
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set plan_cache_mode = force_custom_plan");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set up a new database connection", e);
        }
    }
}
