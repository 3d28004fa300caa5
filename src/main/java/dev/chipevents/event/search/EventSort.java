package dev.chipevents.event.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.chipevents.common.paging.KeysetPager.SortColumn;
import dev.chipevents.event.EventResponse;

/** The fields events can be sorted by, with how they are named in HQL and carried in a cursor. */
public enum EventSort {

    occurredOn("e.occurredOn", false, LocalDate::parse, EventResponse::occurredOn),
    amount("e.amount", true, BigDecimal::new, EventResponse::amount),
    percentChange("e.percentChange", true, BigDecimal::new, EventResponse::percentChange),
    createdAt("e.createdAt", false, Instant::parse, EventResponse::createdAt),
    updatedAt("e.updatedAt", false, Instant::parse, EventResponse::updatedAt),
    title("e.title", false, s -> s, EventResponse::title);

    final String expression;
    final boolean nullable;
    final Function<String, Object> parse;
    final Function<EventResponse, Object> read;

    EventSort(String expression, boolean nullable, Function<String, Object> parse, Function<EventResponse, Object> read) {
        this.expression = expression;
        this.nullable = nullable;
        this.parse = parse;
        this.read = read;
    }

    /** One field of a sort, ascending or descending. */
    public record Order(EventSort field, boolean descending) {

        @Override
        public String toString() {
            return (descending ? "-" : "") + field.name();
        }
    }

    /** The keyset order of a sort: its fields, then the id in the first field's direction (a total order). */
    static List<SortColumn<EventResponse>> columns(List<Order> sort) {
        List<SortColumn<EventResponse>> columns = new ArrayList<>(sort.size() + 1);
        for (Order order : sort) {
            EventSort field = order.field();
            columns.add(new SortColumn<>(field.expression, order.descending(), field.nullable, field.parse, field.read));
        }
        columns.add(new SortColumn<>("e.id", sort.get(0).descending(), false, UUID::fromString, EventResponse::id));
        return columns;
    }
}
