package dev.chipevents.common.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The HQL of a keyset page: its order, and "strictly after this position" with nulls last in both directions. */
class KeysetTest {

    private static final Keyset.Column DAY_DESC = new Keyset.Column("e.occurredOn", true, false);
    private static final Keyset.Column AMOUNT_DESC = new Keyset.Column("e.amount", true, true);
    private static final Keyset.Column ID_DESC = new Keyset.Column("e.id", true, false);
    private static final UUID ID = UUID.fromString("0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6f");

    @Test
    void ordersNullableColumnsWithNullsLast() {
        assertEquals("e.amount desc nulls last, e.id desc", Keyset.orderBy(List.of(AMOUNT_DESC, ID_DESC)));
        assertEquals("e.occurredOn desc, e.id desc", Keyset.orderBy(List.of(DAY_DESC, ID_DESC)));
    }

    /** Columns sorted one way and never null: a row comparison, which PostgreSQL starts its index scan at. */
    @Test
    void seeksAfterAPositionWithARowComparisonAndARangeStartOnTheFirstColumn() {
        Map<String, Object> params = new HashMap<>();
        String predicate = Keyset.after(List.of(DAY_DESC, ID_DESC), List.of(LocalDate.of(2025, 1, 27), ID), params, "k");
        assertEquals("e.occurredOn <= :k0 and (e.occurredOn, e.id) < (:k0, :k1)", predicate);
        assertEquals(Map.of("k0", LocalDate.of(2025, 1, 27), "k1", ID), params);
        Keyset.Column dayAscending = new Keyset.Column("e.occurredOn", false, false);
        Keyset.Column idAscending = new Keyset.Column("e.id", false, false);
        assertEquals("e.occurredOn >= :k0 and (e.occurredOn, e.id) > (:k0, :k1)",
                Keyset.after(List.of(dayAscending, idAscending), List.of(LocalDate.of(2025, 1, 27), ID), new HashMap<>(), "k"));
    }

    @Test
    void columnsSortedBothWaysSeekByAlternatives() {
        Map<String, Object> params = new HashMap<>();
        Keyset.Column idAscending = new Keyset.Column("e.id", false, false);
        String predicate = Keyset.after(List.of(DAY_DESC, idAscending), List.of(LocalDate.of(2025, 1, 27), ID), params, "k");
        assertEquals("e.occurredOn <= :k0 and ((e.occurredOn < :k0) or (e.occurredOn = :k0 and e.id > :k1))", predicate);
    }

    @Test
    void afterANonNullValueOfANullableColumnTheNullsStillFollow() {
        Map<String, Object> params = new HashMap<>();
        String predicate = Keyset.after(List.of(AMOUNT_DESC, ID_DESC), List.of(new java.math.BigDecimal("5"), ID), params, "k");
        assertEquals("(((e.amount < :k0 or e.amount is null)) or (e.amount = :k0 and e.id < :k1))", predicate);
    }

    @Test
    void afterANullOnlyTheLaterNullsFollowByTheirId() {
        Map<String, Object> params = new HashMap<>();
        List<Object> position = new java.util.ArrayList<>();
        position.add(null);
        position.add(ID);
        String predicate = Keyset.after(List.of(AMOUNT_DESC, ID_DESC), position, params, "k");
        assertEquals("((e.amount is null and e.id < :k1))", predicate);
        assertEquals(Map.of("k1", ID), params);
    }
}
