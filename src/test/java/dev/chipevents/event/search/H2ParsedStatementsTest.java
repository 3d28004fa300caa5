package dev.chipevents.event.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.h2.command.Command;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * On H2 the links of every page and of every event read are statements H2 keeps parsed in its session's cache, as it
 * does a plain select; it parses a union again at every call (with the links as one union, parsing them was 40% of the
 * JVM's samples of a read by id: docs/benchmarks.md, "Leads tried and kept").
 */
@QuarkusTest
class H2ParsedStatementsTest {

    @Inject
    EventRows rows;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void theLinksStatementsStayParsedWhereAUnionWouldNot() throws SQLException {
        Assumptions.assumeTrue(dbKind.equals("h2"), "the cache of parsed statements is H2's own");
        List<String> links = rows.linkStatements();
        assertEquals(2, links.size(), "one select for each end of a link");
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            for (String statement : links) {
                assertSame(parsed(session, statement), parsed(session, statement), "parsed once, then kept: " + statement);
            }
            String union = "select 1 union all select 2";
            assertNotSame(parsed(session, union), parsed(session, union), "H2 parses a union again at every call");
        }
    }

    /** What the session prepares for a statement, closed again as a finished statement is (so a kept one can be reused). */
    private static Command parsed(SessionLocal session, String statement) {
        Command command = session.prepareLocal(statement);
        command.close();
        return command;
    }
}
