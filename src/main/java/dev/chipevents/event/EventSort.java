package dev.chipevents.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/** The fields events can be sorted by, with how they are named in HQL and carried in a cursor. */
enum EventSort {
    occurredOn("e.occurredOn", false, LocalDate::parse, Event::getOccurredOn),
    amount("e.amount", true, BigDecimal::new, Event::getAmount),
    percentChange("e.percentChange", true, BigDecimal::new, Event::getPercentChange),
    createdAt("e.createdAt", false, Instant::parse, Event::getCreatedAt),
    title("e.title", false, s -> s, Event::getTitle);

    final String expression;
    final boolean nullable;
    final Function<String, Object> parse;
    final Function<Event, Object> read;

    EventSort(String expression, boolean nullable, Function<String, Object> parse, Function<Event, Object> read) {
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
