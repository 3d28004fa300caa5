package dev.chipevents.common.db;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Test only: a statement that runs for a second or more, on either database, through the one plain-SQL path. */
@Path("/test-support/slow-statement")
public class SlowStatementResource {

    private final Sql sql;

    public SlowStatementResource(Sql sql) {
        this.sql = sql;
    }

    @POST
    @Transactional
    public String run() {
        boolean postgres = sql.work(c -> "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
        if (postgres) {
            sql.query("select pg_sleep(1)", List.of(), row -> 1);
        } else {
            sql.query("select sum(x) from system_range(1, 2000000000)", List.of(), row -> 1); // seconds of rows

        }
        return "finished";
    }
}
