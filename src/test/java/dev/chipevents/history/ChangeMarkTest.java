package dev.chipevents.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.chipevents.event.EventCommands;
import dev.chipevents.event.EventRequest;

/**
 * The change log's mark, which the event cache compares: the counter's own number wherever it is read from (from memory
 * on the embedded H2 database, which no other process can write), moved on by a commit and not by a rollback.
 */
@QuarkusTest
class ChangeMarkTest {

    @Inject
    ChangeLog log;

    @Inject
    EventCommands commands;

    @Inject
    ObjectMapper json;

    @Test
    void theMarkIsTheCounterAfterEveryCommitAndARollbackLeavesItAlone() throws Exception {
        EventRequest request = json.readValue("""
                {"type": "MANUFACTURING", "occurredOn": "1991-05-02", "title": "change mark"}""", EventRequest.class);
        long before = log.changeMark();
        assertEquals(log.lastSequence(), before);

        QuarkusTransaction.requiringNew().run(() -> commands.create(request));
        QuarkusTransaction.requiringNew().run(() -> {
            commands.create(request);
            commands.create(request);
        });
        assertEquals(before + 3, log.changeMark(), "one number for each create, moved on by the commits");
        assertEquals(log.lastSequence(), log.changeMark());

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            commands.create(request);
            throw new IllegalStateException("rolled back");
        }));
        assertEquals(before + 3, log.changeMark(), "a rolled-back create takes no number");
        assertEquals(log.lastSequence(), log.changeMark());
    }

    @Test
    void onlyAnH2DatabaseOpenedInThisProcessIsKnownWithoutReadingTheCounter() {
        assertTrue(ChangeLog.exclusive("jdbc:h2:file:./data/chip-events;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"));
        assertTrue(ChangeLog.exclusive("jdbc:h2:mem:chip-events-test;DB_CLOSE_DELAY=-1"));
        assertTrue(ChangeLog.exclusive("jdbc:h2:./data/chip-events"));
        assertFalse(ChangeLog.exclusive("jdbc:h2:tcp://db.example:9092/chip-events"), "an H2 server: other processes may write");
        assertFalse(ChangeLog.exclusive("jdbc:h2:ssl://db.example/chip-events"));
        assertFalse(ChangeLog.exclusive("jdbc:h2:file:./data/chip-events;AUTO_SERVER=TRUE"), "mixed mode lets other processes in");
        assertFalse(ChangeLog.exclusive("JDBC:H2:file:./data/chip-events;auto_server = true"));
        assertFalse(ChangeLog.exclusive("jdbc:postgresql://localhost/chip"));
    }
}
