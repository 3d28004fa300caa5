package dev.chipevents.common.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.chipevents.common.problem.PreconditionFailedProblem;
import dev.chipevents.common.problem.PreconditionRequiredProblem;

/** RFC 9110 conditional requests on versions: strong comparison for If-Match, weak for If-None-Match. */
class ETagsTest {

    @Test
    void aTagIsTheVersionInQuotes() {
        assertEquals("\"3\"", ETags.of(3));
    }

    @Test
    void ifMatchIsRequiredForReplacesAndMustNameTheCurrentVersion() {
        assertThrows(PreconditionRequiredProblem.class, () -> ETags.requireMatch(null, 3));
        assertThrows(PreconditionRequiredProblem.class, () -> ETags.requireMatch("  ", 3));
        assertThrows(PreconditionFailedProblem.class, () -> ETags.requireMatch("\"2\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
    }

    @Test
    void ifMatchUsesTheStrongComparison() {
        assertThrows(PreconditionFailedProblem.class, () -> ETags.checkMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.checkMatch(null, 3));
    }

    @Test
    void ifNoneMatchUsesTheWeakComparisonAndLists() {
        assertTrue(ETags.noneMatchHits("W/\"3\"", 3));
        assertTrue(ETags.noneMatchHits("\"1\", \"3\"", 3));
        assertTrue(ETags.noneMatchHits("*", 3));
        assertFalse(ETags.noneMatchHits("\"2\"", 3));
        assertFalse(ETags.noneMatchHits(null, 3));
    }
}
