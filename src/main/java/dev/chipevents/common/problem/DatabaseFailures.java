package dev.chipevents.common.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Failures of the database itself rather than of a request: its disk is full, or it has been closed or cannot be
 * reached. They answer 503 with a problem that says so, instead of a 500 that says nothing. On the embedded H2 a full
 * disk closes the database, and every later request fails with "The database has been closed" caused by the write
 * that found no space; both name the full disk.
 */
public final class DatabaseFailures {

    /** H2's error codes (its SQLState too): a database closed after an error or at shutdown, a failed read or write of its file. */
    private static final Set<Integer> H2_CLOSED_OR_IO = Set.of(90098, 90121, 90028, 90031);
    /** PostgreSQL's SQLState for a full disk (class 53, insufficient resources). */
    private static final String POSTGRES_DISK_FULL = "53100";

    private DatabaseFailures() {
    }

    /** The problem to answer for a failure of the database, if it is one. */
    public static Optional<ServiceUnavailableProblem> of(Throwable failure) {
        boolean unavailable = false;
        for (Throwable cause : causes(failure)) {
            if (diskFull(cause)) {
                return Optional.of(new ServiceUnavailableProblem("storage-full", "Database storage full",
                        "The database could not write to its disk: no space is left on the device. This request was not"
                                + " carried out. Free disk space where the database keeps its files (CHIP_EVENTS_DATA_DIR for"
                                + " the embedded database), then restart the service if it keeps answering 503.",
                        60));
            }
            if (cause instanceof SQLException sql && closedOrUnreachable(sql)) {
                unavailable = true; // keep looking: the cause of the closing may be a full disk
            }
        }
        if (unavailable) {
            return Optional.of(new ServiceUnavailableProblem("database-unavailable", "Database unavailable",
                    "The database cannot be reached or has been closed after an error. This request was not carried out;"
                            + " the service's log says why.",
                    10));
        }
        return Optional.empty();
    }

    /** The failure, its causes, and the exceptions a JDBC batch chains with getNextException, each once. */
    private static Collection<Throwable> causes(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
        while (!todo.isEmpty() && seen.size() < 50) {
            Throwable next = todo.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (next.getCause() != null) {
                todo.add(next.getCause());
            }
            if (next instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return seen;
    }

    private static boolean diskFull(Throwable cause) {
        if (cause instanceof SQLException sql && POSTGRES_DISK_FULL.equals(sql.getSQLState())) {
            return true;
        }
        // ENOSPC as the JDK words it on Linux and macOS, and on Windows
        return cause instanceof IOException && cause.getMessage() != null
                && (cause.getMessage().contains("No space left on device") || cause.getMessage().contains("not enough space on the disk"));
    }

    private static boolean closedOrUnreachable(SQLException sql) {
        String state = sql.getSQLState();
        return H2_CLOSED_OR_IO.contains(sql.getErrorCode()) || (state != null && state.startsWith("08"));
    }
}
