package dev.chipevents.ops;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;

import dev.chipevents.common.problem.DatabaseFailures;

/**
 * Ready while the database answers a statement. A pool whose every connection is in use is busy, not down: the
 * service stays in the load balancer (requests that find no connection answer 503 with Retry-After)
 * instead of being taken out of it exactly when it has the most to do.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final AgroalDataSource dataSource;
    private final int maxSize;

    DatabaseReadiness(AgroalDataSource dataSource,
            @ConfigProperty(name = "quarkus.datasource.jdbc.max-size", defaultValue = "20") int maxSize) {
        this.dataSource = dataSource;
        this.maxSize = maxSize;
    }

    @Override
    public HealthCheckResponse call() {
        long active = dataSource.getMetrics().activeCount();
        var answer = HealthCheckResponse.named("Database connections").withData("active", active).withData("max", maxSize);
        if (active >= maxSize) {
            return answer.withData("state", "busy: every connection is in use").up().build();
        }
        // A statement, not Connection.isValid: H2 keeps a pooled connection valid after it has closed its database
        // (a full disk), while every statement fails.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
            return answer.up().build();
        } catch (Exception e) {
            String state = DatabaseFailures.of(e).map(p -> p.title().toLowerCase(Locale.ROOT)).orElse("the database does not answer");
            return answer.withData("state", state).down().build();
        }
    }
}
