package dev.chipevents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The copy of an event's children kept in its row: what is written is what is read, and nothing else is taken. */
class EventChildrenTest {

    private static final UUID COMPANY = UUID.fromString("0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6e");

    @Test
    void whatIsWrittenIsWhatIsRead() {
        List<ParticipantResponse> participants = List.of(new ParticipantResponse(COMPANY, "Taiwan \"Semi\" \\ Co, 台積電", "TSM",
                ParticipantRole.SUBJECT), new ParticipantResponse(UUID.randomUUID(), "No ticker", null, ParticipantRole.PARTNER));
        List<String> tags = List.of("chips-act", "2.0");
        List<SourceDto> sources = List.of(new SourceDto("https://example.com/a?b=c&d=\"e\"", null, "Title\nwith a line", null),
                new SourceDto("https://example.com/", "Press", null, LocalDate.of(1582, 10, 10)));
        String text = EventChildren.write(participants, tags, sources);
        assertEquals(new EventChildren.Shown(participants, tags, sources), EventChildren.read(text));
        assertEquals(new EventChildren.Shown(List.of(), List.of(), List.of()),
                EventChildren.read(EventChildren.write(List.of(), List.of(), List.of())));
    }

    @Test
    void readsAnySpacingAndOrderOfItsKeys() {
        String text = "{ \"s\" : [ [\"https://example.com/\", null, null, \"2024-02-29\"] ], \"t\": [\"x\"],\n \"p\": [[\"" + COMPANY
                + "\", \"Intel\", null, \"SUBJECT\"]] }";
        assertEquals(new EventChildren.Shown(List.of(new ParticipantResponse(COMPANY, "Intel", null, ParticipantRole.SUBJECT)),
                List.of("x"), List.of(new SourceDto("https://example.com/", null, null, LocalDate.of(2024, 2, 29)))),
                EventChildren.read(text));
    }

    @Test
    void aTextItDidNotWriteFailsLoudly() {
        for (String text : List.of("", "[]", "{\"p\": [[1, \"Intel\", null, \"SUBJECT\"]]}", "{\"x\": []}",
                "{\"t\": [\"a\", 1]}", "{\"p\": [[\"" + COMPANY + "\", \"Intel\", null, \"SUBJECT\", \"extra\"]]}",
                "{\"s\": [[\"https://example.com/\", null, null, \"29 Feb\"]]}", "{\"t\": [\"a\"]")) {
            RuntimeException thrown = assertThrows(RuntimeException.class, () -> EventChildren.read(text), text);
            assertTrue(thrown.getMessage() != null && !thrown.getMessage().isBlank(), text);
        }
    }
}
