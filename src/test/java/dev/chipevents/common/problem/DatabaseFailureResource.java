package dev.chipevents.common.problem;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Test only: fails the way the database failed when its disk filled up, as logged by the embedded H2 and as
 * PostgreSQL reports it (the same exception classes, codes and messages), since no test can fill a disk.
 */
@Path("/test-support/database-failure")
public class DatabaseFailureResource {

    @POST
    public String fail(@QueryParam("as") String as) {
        IOException noSpace = new IOException("No space left on device");
        switch (as) {
            // The write that found no space (H2 wraps it in an IO exception, code 90028)
            case "h2-write" -> throw new GenericJDBCException("Error executing work",
                    new SQLException("IO Exception: \"data/chip-events.mv.db\"", "90028", 90028, noSpace));
            // The same in a JDBC batch (the bulk import): the cause hangs on the batch exception's next exception
            case "h2-batch" -> {
                BatchUpdateException batch = new BatchUpdateException("IO Exception: \"data/chip-events.mv.db\"", "90028", 90028,
                        new int[0]);
                batch.setNextException(new SQLException("General error", "50000", 50000,
                        new IllegalStateException("Writing to sun.nio.ch.FileChannelImpl failed", noSpace)));
                throw new GenericJDBCException("Error executing work", batch);
            }
            // Every request after it: H2 closed the database, and says why in the cause
            case "h2-closed" -> throw new JDBCConnectionException("JDBC exception executing SQL",
                    new SQLNonTransientConnectionException("The database has been closed [90098-232]", "90098", 90098,
                            new IllegalStateException("Writing to sun.nio.ch.FileChannelImpl failed", noSpace)));
            case "postgres-disk-full" -> throw new GenericJDBCException("could not execute statement",
                    new SQLException("ERROR: could not extend file \"base/16384/16385\": No space left on device", "53100"));
            case "unreachable" -> throw new JDBCConnectionException("Unable to acquire JDBC Connection",
                    new SQLNonTransientConnectionException("Connection to 127.0.0.1:5432 refused.", "08001"));
            default -> throw new IllegalStateException("something else broke");
        }
    }
}
