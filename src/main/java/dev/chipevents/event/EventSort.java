package dev.chipevents.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/** The fields events can be sorted by, with how they are named in HQL and carried in a cursor. */
enum EventSort {
    occurredOn("e.occurredOn", false, LocalDate::parse, EventResponse::occurredOn),
    amount("e.amount", true, BigDecimal::new, EventResponse::amount),
    percentChange("e.percentChange", true, BigDecimal::new, EventResponse::percentChange),
    createdAt("e.createdAt", false, Instant::parse, EventResponse::createdAt),
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
    record Order(EventSort field, boolean descending) {
        @Override
        public String toString() {
            return (descending ? "-" : "") + field.name();
        }
    }
}
