package dev.chipevents.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chipevents.common.problem.InvalidRequestProblem;

/** Cursors are opaque, signed and tied to their query: what goes in comes out, anything else is a 400 naming `cursor`. */
class CursorCodecTest {

    private final CursorCodec codec = new CursorCodec("a secret for tests");
    private final String query = CursorCodec.fingerprint("events|type=[IPO]|sort=[-occurredOn]");

    @Test
    void aPositionRoundTripsIncludingNulls() {
        List<String> position = Arrays.asList("2025-01-27", null, "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f");
        assertEquals(position, codec.decode(codec.encode(query, position), query, 3));
    }

    @Test
    void aCursorIsRefusedWithAnotherQuery() {
        String cursor = codec.encode(query, List.of("2025-01-27", "x"));
        InvalidRequestProblem refused = assertThrows(InvalidRequestProblem.class,
                () -> codec.decode(cursor, CursorCodec.fingerprint("events|type=[IPO]|sort=[title]"), 2));
        assertEquals("cursor", refused.errors().get(0).field());
        assertTrue(refused.getMessage().contains("another sort"), refused.getMessage());
    }

    @Test
    void anAlteredOrForeignCursorIsRefused() {
        String cursor = codec.encode(query, List.of("2025-01-27", "x"));
        String altered = "A" + cursor.substring(1);
        assertTrue(assertThrows(InvalidRequestProblem.class, () -> codec.decode(altered, query, 2)).getMessage().contains("altered"));
        String foreign = new CursorCodec("another secret").encode(query, List.of("2025-01-27", "x"));
        assertThrows(InvalidRequestProblem.class, () -> codec.decode(foreign, query, 2));
        assertThrows(InvalidRequestProblem.class, () -> codec.decode("no dot here", query, 2));
        assertThrows(InvalidRequestProblem.class, () -> codec.decode(cursor, query, 3));
    }

    @Test
    void fingerprintsAreShortAndDifferPerQuery() {
        assertEquals(12, query.length());
        assertNotEquals(query, CursorCodec.fingerprint("events|type=[IPO]|sort=[occurredOn]"));
    }
}
