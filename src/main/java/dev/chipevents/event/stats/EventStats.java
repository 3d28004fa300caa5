package dev.chipevents.event.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.company.Company;
import dev.chipevents.event.EventMapper;

/** Counts and amounts of the matching events, per bucket. */
@Schema(name = "EventStats", description = "Counts and summed amounts of the matching events, per bucket.")
public record EventStats(
        @Schema(required = true, examples = "month") StatsGrouping groupBy,
        @Schema(required = true, description = "Ordered by key for periods, by count (then key) for dimensions.")
        List<Bucket> buckets) {

    @Schema(name = "StatsBucket")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bucket(
            @Schema(required = true, nullable = true, examples = "2025-01", description = """
                    day 2025-01-27, week 2025-W05 (ISO), month 2025-01, quarter 2025-Q1, year 2025, \
                    or the type, country code, company id or tag; null for events without a country.""")
            @JsonInclude(JsonInclude.Include.ALWAYS) String key,
            @Schema(description = "For groupBy=company: the company's name.", examples = "Nvidia") String label,
            @Schema(required = true, examples = "9") long count,
            @Schema(required = true, description = "Sum of amount per currency over the bucket's events that have one.",
                    examples = "{\"USD\": 589000000000}") Map<String, BigDecimal> amountByCurrency) {
    }

    static EventStats of(StatsGrouping groupBy, List<Object[]> rows, Map<UUID, Company> companies) {
        Map<String, long[]> counts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<String, Map<String, BigDecimal>> amounts = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (Object[] row : rows) {
            String key = keyOf(groupBy, row[0]);
            counts.computeIfAbsent(key, k -> new long[1])[0] += ((Number) row[2]).longValue();
            Map<String, BigDecimal> byCurrency = amounts.computeIfAbsent(key, k -> new TreeMap<>());
            if (row[1] != null && row[3] != null) {
                byCurrency.merge((String) row[1], (BigDecimal) row[3], BigDecimal::add);
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        counts.forEach((key, count) -> {
            Map<String, BigDecimal> byCurrency = new TreeMap<>();
            amounts.get(key).forEach((currency, sum) -> byCurrency.put(currency, EventMapper.plain(sum)));
            String label = null;
            if (groupBy == StatsGrouping.company && key != null) {
                Company company = companies.get(UUID.fromString(key));
                label = company == null ? null : company.getName();
            }
            buckets.add(new Bucket(key, label, count[0], byCurrency));
        });
        if (!groupBy.isTime()) {
            buckets.sort(Comparator.comparingLong(Bucket::count).reversed()
                    .thenComparing(Bucket::key, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        return new EventStats(groupBy, buckets);
    }

    static String keyOf(StatsGrouping groupBy, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number period && groupBy.isTime()) {
            int n = period.intValue();
            return switch (groupBy) {
                case month -> String.format("%d-%02d", n / 100, n % 100);
                case quarter -> n / 10 + "-Q" + n % 10;
                default -> String.valueOf(n);
            };
        }
        if (!(value instanceof LocalDate day)) {
            return value.toString();
        }
        return switch (groupBy) {
            case week -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case month -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
            case quarter -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
            case year -> String.valueOf(day.getYear());
            default -> day.toString();
        };
    }
}
