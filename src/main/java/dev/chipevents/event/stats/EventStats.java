package dev.chipevents.event.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.company.Company;
import dev.chipevents.event.AmountKind;
import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.EventMapper;

/** Counts and amounts of the matching events, per bucket; amounts per kind and currency, never added across them. */
@Schema(name = "EventStats", description = """
        Counts and summed amounts of the matching events, per bucket. Amounts are summed per kind and currency: amounts \
        of different kinds or currencies are never added together. For a period, an event dated less precisely than the \
        period (datePrecision MONTH, QUARTER or YEAR; a month is less precise than a day or a week) is not placed in one \
        of them: it is counted in `coarser`, under its own period.""")
public record EventStats(
        @Schema(required = true, examples = "month") StatsGrouping groupBy,
        @Schema(required = true, description = "Ordered by key for periods, by count (then key) for dimensions.") List<Bucket> buckets,
        @Schema(required = true, description = """
                For groupBy day, week, month or quarter: the events dated less precisely than that, one bucket per period \
                they are dated to (key 2024-12 with datePrecision MONTH), ordered by the period's start; always empty for \
                year and for dimensions.""") List<Bucket> coarser) {

    @Schema(name = "StatsBucket")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bucket(
            @Schema(required = true, nullable = true, examples = "2025-01", description = """
                    day 2025-01-27, week 2025-W05 (ISO), month 2025-01, quarter 2025-Q1, year 2025, \
                    or the type, country code, company id or tag; null for events without a country.""")
            @JsonInclude(JsonInclude.Include.ALWAYS) String key,
            @Schema(description = "For groupBy=company: the company's name.", examples = "Nvidia") String label,
            @Schema(description = "In `coarser` only: how precisely the bucket's events are dated (its key is that period).",
                    examples = "MONTH") DatePrecision datePrecision,
            @Schema(required = true, examples = "9") long count,
            @Schema(required = true, description = "The sums of amount, one per kind and currency, over the bucket's events that have one.")
            @JsonInclude(JsonInclude.Include.ALWAYS) List<AmountSum> amounts) {
    }

    @Schema(name = "AmountSum", description = "The amounts of one kind in one currency, added up.")
    public record AmountSum(
            @Schema(required = true, examples = "MARKET_VALUE_LOSS") AmountKind kind,
            @Schema(required = true, examples = "USD") String currency,
            @Schema(required = true, examples = "589000000000") BigDecimal sum,
            @Schema(required = true, description = "How many events' amounts the sum adds.", examples = "1") long count) {
    }

    /** Rows of (key, datePrecision, amountKind, currency, count, sum of amount), in no particular order. */
    static EventStats of(StatsGrouping groupBy, List<Object[]> rows, Map<UUID, Company> companies) {
        Tally buckets = new Tally();
        Tally coarser = new Tally();
        for (Object[] row : rows) {
            DatePrecision precision = (DatePrecision) row[1];
            long count = ((Number) row[4]).longValue();
            AmountKind kind = (AmountKind) row[2];
            String currency = (String) row[3];
            BigDecimal sum = (BigDecimal) row[5];
            if (groupBy.isTime() && isCoarser(precision, groupBy)) {
                coarser.add(keyOf(StatsGrouping.valueOf(precision.name().toLowerCase(Locale.ROOT)), periodStart(groupBy, row[0])),
                        precision, count, kind, currency, sum);
            } else {
                buckets.add(keyOf(groupBy, row[0]), null, count, kind, currency, sum);
            }
        }
        List<Bucket> listed = buckets.buckets(groupBy, companies);
        if (!groupBy.isTime()) {
            listed.sort(Comparator.comparingLong(Bucket::count).reversed()
                    .thenComparing(Bucket::key, Comparator.nullsLast(Comparator.naturalOrder())));
        }
        List<Bucket> apart = coarser.buckets(groupBy, companies);
        apart.sort(Comparator.comparing((Bucket b) -> periodStart(b.datePrecision(), b.key())).thenComparing(Bucket::datePrecision));
        return new EventStats(groupBy, listed, apart);
    }

    /** Counts and sums per bucket, the sums per kind and currency. */
    private static final class Tally {

        private record Slot(String key, DatePrecision precision) {
        }

        private final Map<Slot, long[]> counts =
                new TreeMap<>(Comparator.comparing(Slot::key, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Slot::precision, Comparator.nullsFirst(Comparator.naturalOrder())));
        private static final class Sum {

            BigDecimal total = BigDecimal.ZERO;
            long events;
        }

        private final Map<Slot, Map<AmountKind, Map<String, Sum>>> sums = new HashMap<>();

        void add(String key, DatePrecision precision, long count, AmountKind kind, String currency, BigDecimal sum) {
            Slot slot = new Slot(key, precision);
            counts.computeIfAbsent(slot, k -> new long[1])[0] += count;
            if (kind != null && currency != null && sum != null) {
                Sum total = sums.computeIfAbsent(slot, k -> new TreeMap<>()).computeIfAbsent(kind, k -> new TreeMap<>())
                        .computeIfAbsent(currency, k -> new Sum());
                total.total = total.total.add(sum);
                total.events += count;
            }
        }

        List<Bucket> buckets(StatsGrouping groupBy, Map<UUID, Company> companies) {
            List<Bucket> buckets = new ArrayList<>();
            counts.forEach((slot, count) -> {
                List<AmountSum> amounts = new ArrayList<>();
                sums.getOrDefault(slot, Map.of()).forEach((kind, byCurrency) -> byCurrency.forEach(
                        (currency, total) -> amounts.add(new AmountSum(kind, currency, EventMapper.plain(total.total), total.events))));
                String label = null;
                if (groupBy == StatsGrouping.company && slot.key() != null) {
                    Company company = companies.get(UUID.fromString(slot.key()));
                    label = company == null ? null : company.getName();
                }
                buckets.add(new Bucket(slot.key(), label, slot.precision(), count[0], amounts));
            });
            return buckets;
        }
    }

    /** Whether events of this precision are dated less precisely than the period (a month is less precise than a week). */
    static boolean isCoarser(DatePrecision precision, StatsGrouping period) {
        int periodRank = switch (period) {
            case day -> 0;
            case week -> 1;
            case month -> 2;
            case quarter -> 3;
            default -> 4;
        };
        int precisionRank = switch (precision) {
            case DAY -> 0;
            case MONTH -> 2;
            case QUARTER -> 3;
            case YEAR -> 4;
        };
        return precisionRank > periodRank;
    }

    /** The first day of the period a grouping's key value names (the database folds months, quarters and years into numbers). */
    static LocalDate periodStart(StatsGrouping groupBy, Object value) {
        if (value instanceof LocalDate day) {
            return day;
        }
        int n = ((Number) value).intValue();
        return switch (groupBy) {
            case month -> LocalDate.of(n / 100, n % 100, 1);
            case quarter -> LocalDate.of(n / 10, (n % 10 - 1) * 3 + 1, 1);
            default -> LocalDate.of(n, 1, 1);
        };
    }

    /** The first day of the period a coarser bucket's key names. */
    private static LocalDate periodStart(DatePrecision precision, String key) {
        return switch (precision) {
            case MONTH -> LocalDate.parse(key + "-01");
            case QUARTER -> LocalDate.of(Integer.parseInt(key.substring(0, key.indexOf('-'))),
                    (Integer.parseInt(key.substring(key.indexOf('Q') + 1)) - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(Integer.parseInt(key), 1, 1);
            case DAY -> LocalDate.parse(key);
        };
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
