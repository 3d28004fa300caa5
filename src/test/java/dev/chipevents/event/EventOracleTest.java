package dev.chipevents.event;

import static dev.chipevents.support.ContractFilter.LENIENT_FORM;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import dev.chipevents.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The oracle: thousands of seeded random events, hundreds of random queries walked page by page,
 * each compared with the same query computed in plain Java over the same data.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventOracleTest {

    private static final long SEED = 20250127L;
    private static final int EVENTS = 1500;
    private static final String[] WORDS = { "wafer", "foundry", "lithography", "export", "tariff", "subsidy", "memory", "packaging",
            "yield", "fab", "chiplet", "accelerator", "datacenter", "license", "merger", "antitrust", "smartphone", "sensor",
            "robotaxi", "quantum" };
    private static final String[] TAGS = { "ai", "hbm", "euv", "chips-act", "us-china", "ev", "cloud", "packaging" };
    private static final String[] COUNTRIES = { "US", "TW", "CN", "KR", "JP", "NL", "DE" };
    private static final String[] CURRENCIES = { "USD", "EUR", "TWD", "JPY" };
    private static final EventType[] TYPES = EventType.values();
    private static final String[] ROLES = { "SUBJECT", "ACQUIRER", "TARGET", "INVESTOR", "RECIPIENT", "PARTNER" };
    private static final String[] SORTS = { "occurredOn", "amount", "percentChange", "createdAt", "title" };

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private final Random random = new Random(SEED);
    private final List<Map<String, Object>> companies = new ArrayList<>();
    private List<Row> universe;

    /** An event as the oracle sees it. */
    record Row(String id, String type, LocalDate occurredOn, String title, BigDecimal amount, String currency,
            BigDecimal percentChange, String country, List<String> companyIds, List<String> tickers, List<String> tags,
            String searchText, Instant createdAt, JsonNode json) {
    }

    /** Made on first use: RestAssured knows the test port only once a test runs. */
    private void ensureData() throws Exception {
        if (universe != null) {
            return;
        }
        for (int i = 0; i < 12; i++) {
            Map<String, Object> company = TestData.company("Oracle Co " + i + " " + SEED + " " + System.nanoTime());
            company.put("ticker", "OR" + i + "X" + (System.nanoTime() % 10000));
            company.put("id", TestData.createCompany(company));
            companies.add(company);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            bodies.add(randomEvent());
        }
        List<Future<?>> done = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            done.add(pool.submit(() -> TestData.createEvent(body)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        universe = fetchAll();
        assertTrue(universe.size() >= EVENTS, "universe has " + universe.size());
    }

    @Test
    void randomQueriesWalkedByCursorMatchThePlainJavaAnswer() throws Exception {
        ensureData();
        for (int round = 0; round < 250; round++) {
            Map<String, List<String>> params = randomFilters();
            List<String> sort = randomSort();
            if (!sort.isEmpty()) {
                params.put("sort", List.of(String.join(",", sort)));
            }
            Comparator<Row> order = comparator(sort.isEmpty() ? List.of("-occurredOn") : sort);
            Predicate<Row> matches = predicate(params);
            List<String> expected = universe.stream().filter(matches).sorted(order).map(Row::id).toList();
            int limit = List.of(3, 10, 50, 200).get(random.nextInt(4));
            if (expected.size() / limit > 25) {
                limit = 200;
            }
            boolean insertMeanwhile = round % 10 == 3;
            List<Row> walked = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            Long total = null;
            do {
                RequestSpecification request = given().header(LENIENT_FORM, "true").queryParam("limit", limit).queryParam("withTotal", pages == 0);
                params.forEach((name, values) -> values.forEach(v -> request.queryParam(name, v)));
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response page = request.when().get("/api/v1/events").then().statusCode(200).extract().response();
                JsonNode body = json.readTree(page.asString());
                if (pages == 0) {
                    total = body.get("total").asLong();
                }
                for (JsonNode item : body.get("items")) {
                    walked.add(row(item));
                }
                cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
                pages++;
                if (insertMeanwhile && pages == 1) {
                    Row inserted = row(json.readTree(TestData.createEvent(randomEvent()).asString()));
                    universe = new ArrayList<>(universe);
                    universe.add(inserted);
                }
            } while (cursor != null);
            List<String> walkedIds = walked.stream().map(Row::id).toList();
            String context = "query " + params + " limit " + limit;
            assertEquals(expected.size(), total, "total of " + context);
            assertEquals(walkedIds.size(), new HashSet<>(walkedIds).size(), "an item came twice in " + context);
            if (!insertMeanwhile) {
                assertEquals(expected, walkedIds, context);
            } else {
                assertTrue(walkedIds.containsAll(expected), "an item was skipped in " + context);
                List<Row> sorted = new ArrayList<>(walked);
                sorted.sort(order);
                assertEquals(sorted.stream().map(Row::id).toList(), walkedIds, "out of order in " + context);
                assertTrue(walked.stream().allMatch(matches), "a non-match was returned in " + context);
            }
        }
    }

    @Test
    void statsBucketsMatchThePlainJavaAnswer() throws Exception {
        ensureData();
        String[] groupings = { "day", "week", "month", "quarter", "year", "type", "country", "company", "tag" };
        for (int round = 0; round < 45; round++) {
            Map<String, List<String>> params = randomFilters();
            String groupBy = groupings[round % groupings.length];
            RequestSpecification request = given().header(LENIENT_FORM, "true").queryParam("groupBy", groupBy);
            params.forEach((name, values) -> values.forEach(v -> request.queryParam(name, v)));
            JsonNode body = json.readTree(request.when().get("/api/v1/events/stats").then().statusCode(200).extract().asString());
            List<Row> matching = universe.stream().filter(predicate(params)).toList();
            Map<String, Long> counts = new HashMap<>();
            Map<String, Map<String, BigDecimal>> sums = new HashMap<>();
            for (Row row : matching) {
                for (String key : keysOf(row, groupBy)) {
                    counts.merge(key, 1L, Long::sum);
                    Map<String, BigDecimal> byCurrency = sums.computeIfAbsent(key, k -> new TreeMap<>());
                    if (row.amount() != null) {
                        byCurrency.merge(row.currency(), row.amount(), BigDecimal::add);
                    }
                }
            }
            List<String> expectedKeys = new ArrayList<>(counts.keySet());
            Comparator<String> keyOrder = Comparator.nullsFirst(Comparator.naturalOrder());
            if (List.of("day", "week", "month", "quarter", "year").contains(groupBy)) {
                expectedKeys.sort(keyOrder);
            } else {
                expectedKeys.sort(Comparator.comparing((String k) -> counts.get(k)).reversed()
                        .thenComparing(Comparator.nullsLast(Comparator.<String>naturalOrder())));
            }
            List<String> actualKeys = new ArrayList<>();
            for (JsonNode bucket : body.get("buckets")) {
                String key = bucket.get("key").isNull() ? null : bucket.get("key").asText();
                actualKeys.add(key);
                assertEquals(counts.get(key), bucket.get("count").asLong(), "count of " + key + " by " + groupBy + " " + params);
                Map<String, BigDecimal> expectedSums = sums.get(key);
                JsonNode actualSums = bucket.get("amountByCurrency");
                assertEquals(expectedSums.keySet(), fieldNames(actualSums), "currencies of " + key);
                expectedSums.forEach((currency, sum) -> assertEquals(0, sum.compareTo(actualSums.get(currency).decimalValue()),
                        "sum of " + currency + " in " + key + " by " + groupBy));
            }
            assertEquals(expectedKeys, actualKeys, "buckets by " + groupBy + " for " + params);
        }
    }

    @Test
    void csvExportHoldsEveryMatchInOrderAndParsesBack() throws Exception {
        ensureData();
        Map<String, Object> company = companies.get(0);
        String csv = given().accept("text/csv").queryParam("company", company.get("id")).queryParam("sort", "-amount,title")
                .when().get("/api/v1/events")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<String> expected = universe.stream().filter(r -> r.companyIds().contains((String) company.get("id")))
                .sorted(comparator(List.of("-amount", "title"))).map(Row::id).toList();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class).with(schema).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(expected, rows.stream().map(r -> r.get("id")).toList());
        assertTrue(csv.startsWith("id,type,occurredOn,datePrecision,title,summary,amount,currency,percentChange,country,"
                + "participants,tags,sources,externalId,createdAt,updatedAt,version\r\n"), csv.substring(0, 200));
        Map<String, Row> byId = universe.stream().collect(Collectors.toMap(Row::id, r -> r));
        for (Map<String, String> r : rows) {
            Row row = byId.get(r.get("id"));
            assertEquals(row.title(), r.get("title"));
            assertEquals(row.type(), r.get("type"));
            assertEquals(row.occurredOn().toString(), r.get("occurredOn"));
            assertEquals(row.amount() == null ? "" : row.amount().toPlainString(), r.get("amount"));
            assertEquals(String.join(";", row.tags()), r.get("tags"));
            JsonNode participants = json.readTree(r.get("participants"));
            assertEquals(row.companyIds(), participants.findValuesAsText("companyId"));
        }
        String formatted = given().queryParam("format", "csv").queryParam("company", company.get("ticker"))
                .when().get("/api/v1/events").then().statusCode(200).extract().asString();
        assertEquals(rows.size() + 1, formatted.split("\r\n").length);
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() throws IOException {
        String tag = "formula-" + (System.nanoTime() % 100000);
        Map<String, Object> body = TestData.event("=HYPERLINK(\"http://evil.example\",\"click\")");
        body.put("summary", "@SUM(1+1)");
        body.put("tags", List.of(tag));
        body.put("type", "STOCK_MOVE");
        body.put("percentChange", -5);
        TestData.createEvent(body);
        String csv = given().accept("text/csv").queryParam("tag", tag).when().get("/api/v1/events")
                .then().statusCode(200).extract().asString();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        assertEquals(1, rows.size());
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", rows.get(0).get("title"));
        assertEquals("'@SUM(1+1)", rows.get(0).get("summary"));
        assertEquals("-5", rows.get(0).get("percentChange"), "numbers stay numbers");
    }

    // ---- the plain-Java side ----

    private Map<String, Object> randomEvent() {
        EventType type = TYPES[Math.min(TYPES.length - 1, (int) Math.abs(random.nextGaussian() * 4))];
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.name());
        body.put("occurredOn", LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000)).toString());
        int words = 2 + random.nextInt(4);
        List<String> title = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            title.add(WORDS[random.nextInt(WORDS.length)]);
        }
        body.put("title", (random.nextBoolean() ? "Report: " : "") + String.join(" ", title));
        if (random.nextInt(3) == 0) {
            body.put("summary", "About " + WORDS[random.nextInt(WORDS.length)] + " and " + WORDS[random.nextInt(WORDS.length)] + ".");
        }
        if (random.nextInt(2) == 0) {
            body.put("amount", BigDecimal.valueOf(Math.round(Math.exp(random.nextGaussian() * 3 + 15)), random.nextInt(3)));
            body.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
        }
        if (type == EventType.STOCK_MOVE || random.nextInt(6) == 0) {
            body.put("percentChange", BigDecimal.valueOf(random.nextInt(6000) - 3000, 2));
        }
        if (random.nextInt(4) != 0) {
            body.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
        }
        List<Map<String, Object>> participants = new ArrayList<>();
        List<Map<String, Object>> shuffled = new ArrayList<>(companies);
        Collections.shuffle(shuffled, random);
        for (int i = 0, n = random.nextInt(4); i < n; i++) {
            participants.add(TestData.participant((String) shuffled.get(i).get("id"), ROLES[random.nextInt(ROLES.length)]));
        }
        body.put("participants", participants);
        List<String> tags = new ArrayList<>(List.of(TAGS));
        Collections.shuffle(tags, random);
        body.put("tags", tags.subList(0, random.nextInt(4)));
        return body;
    }

    private Map<String, List<String>> randomFilters() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (random.nextInt(10) < 3) {
            params.put("type", List.of(TYPES[random.nextInt(TYPES.length)].name() + "," + TYPES[random.nextInt(3)].name().toLowerCase()));
        }
        if (random.nextInt(10) < 3) {
            LocalDate from = LocalDate.of(2014, 6, 1).plusDays(random.nextInt(4000));
            params.put("from", List.of(from.toString()));
            if (random.nextBoolean()) {
                params.put("to", List.of(from.plusDays(random.nextInt(2000)).toString()));
            }
        }
        if (random.nextInt(10) < 2) {
            Map<String, Object> company = companies.get(random.nextInt(companies.size()));
            String ref = random.nextBoolean() ? (String) company.get("id") : ((String) company.get("ticker")).toLowerCase();
            List<String> refs = new ArrayList<>(List.of(ref));
            if (random.nextBoolean()) {
                refs.add((String) companies.get(random.nextInt(companies.size())).get("ticker"));
            }
            params.put("company", refs);
        }
        if (random.nextInt(10) < 2) {
            params.put("country", List.of(COUNTRIES[random.nextInt(COUNTRIES.length)].toLowerCase()));
        }
        if (random.nextInt(10) < 2) {
            params.put("tag", List.of(TAGS[random.nextInt(TAGS.length)], TAGS[random.nextInt(TAGS.length)]));
        }
        if (random.nextInt(10) < 2) {
            String word = WORDS[random.nextInt(WORDS.length)];
            params.put("q", List.of(random.nextBoolean() ? word.toUpperCase() : word.substring(0, Math.min(4, word.length())) + " "
                    + WORDS[random.nextInt(WORDS.length)]));
        }
        if (random.nextInt(10) < 1) {
            params.put("currency", List.of(CURRENCIES[random.nextInt(CURRENCIES.length)]));
        }
        if (random.nextInt(10) < 2) {
            params.put(random.nextBoolean() ? "minAmount" : "maxAmount", List.of(String.valueOf(Math.round(Math.exp(random.nextGaussian() * 3 + 15)))));
        }
        if (random.nextInt(10) < 1) {
            params.put(random.nextBoolean() ? "minChange" : "maxChange", List.of(String.valueOf(random.nextInt(40) - 20)));
        }
        return params;
    }

    private List<String> randomSort() {
        if (random.nextInt(10) < 4) {
            return List.of();
        }
        List<String> fields = new ArrayList<>(List.of(SORTS));
        Collections.shuffle(fields, random);
        List<String> sort = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            sort.add((random.nextBoolean() ? "-" : "") + fields.get(i));
        }
        return sort;
    }

    private Predicate<Row> predicate(Map<String, List<String>> params) {
        Predicate<Row> all = r -> true;
        for (Map.Entry<String, List<String>> entry : params.entrySet()) {
            if (entry.getKey().equals("sort")) {
                continue;
            }
            List<String> values = entry.getValue().stream().flatMap(v -> entry.getKey().equals("q") ? List.of(v).stream()
                    : List.of(v.split(",")).stream()).toList();
            Predicate<Row> p = switch (entry.getKey()) {
                case "type" -> r -> values.stream().anyMatch(v -> v.equalsIgnoreCase(r.type()));
                case "from" -> r -> !r.occurredOn().isBefore(LocalDate.parse(values.get(0)));
                case "to" -> r -> !r.occurredOn().isAfter(LocalDate.parse(values.get(0)));
                case "company" -> r -> values.stream().anyMatch(v -> r.companyIds().contains(v)
                        || r.tickers().stream().anyMatch(t -> t.equalsIgnoreCase(v)));
                case "country" -> r -> values.get(0).equalsIgnoreCase(r.country());
                case "tag" -> r -> r.tags().stream().anyMatch(values::contains);
                case "q" -> r -> List.of(values.get(0).toLowerCase(Locale.ROOT).split("\\s+")).stream()
                        .filter(w -> !w.isEmpty()).allMatch(w -> r.searchText().contains(w));
                case "currency" -> r -> values.get(0).equals(r.currency());
                case "minAmount" -> r -> r.amount() != null && r.amount().compareTo(new BigDecimal(values.get(0))) >= 0;
                case "maxAmount" -> r -> r.amount() != null && r.amount().compareTo(new BigDecimal(values.get(0))) <= 0;
                case "minChange" -> r -> r.percentChange() != null && r.percentChange().compareTo(new BigDecimal(values.get(0))) >= 0;
                case "maxChange" -> r -> r.percentChange() != null && r.percentChange().compareTo(new BigDecimal(values.get(0))) <= 0;
                default -> throw new IllegalArgumentException(entry.getKey());
            };
            all = all.and(p);
        }
        return all;
    }

    /** The service's order: each field with nulls last in both directions, then the id in the first field's direction. */
    static Comparator<Row> comparator(List<String> sort) {
        Comparator<Row> order = null;
        for (String field : sort) {
            boolean descending = field.startsWith("-");
            String name = descending ? field.substring(1) : field;
            Comparator<Row> one = switch (name) {
                case "occurredOn" -> nullsLast(Row::occurredOn, descending);
                case "amount" -> nullsLast(Row::amount, descending);
                case "percentChange" -> nullsLast(Row::percentChange, descending);
                case "createdAt" -> nullsLast(Row::createdAt, descending);
                case "title" -> nullsLast(r -> new CodePoints(r.title()), descending);
                default -> throw new IllegalArgumentException(name);
            };
            order = order == null ? one : order.thenComparing(one);
        }
        Comparator<Row> byId = Comparator.comparing(Row::id);
        return order.thenComparing(sort.get(0).startsWith("-") ? byId.reversed() : byId);
    }

    private static <T extends Comparable<? super T>> Comparator<Row> nullsLast(java.util.function.Function<Row, T> key, boolean descending) {
        Comparator<T> values = descending ? Comparator.<T>reverseOrder() : Comparator.<T>naturalOrder();
        return Comparator.comparing(key, Comparator.nullsLast(values));
    }

    /** Titles compare by code point, as PostgreSQL's "C" collation and H2 do. */
    record CodePoints(String text) implements Comparable<CodePoints> {
        @Override
        public int compareTo(CodePoints other) {
            return Arrays.compare(text.codePoints().toArray(), other.text.codePoints().toArray());
        }
    }

    private static List<String> keysOf(Row row, String groupBy) {
        LocalDate day = row.occurredOn();
        List<String> keys = new ArrayList<>();
        switch (groupBy) {
            case "day" -> keys.add(day.toString());
            case "week" -> keys.add(String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
            case "month" -> keys.add(String.format("%d-%02d", day.getYear(), day.getMonthValue()));
            case "quarter" -> keys.add(day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR));
            case "year" -> keys.add(String.valueOf(day.getYear()));
            case "type" -> keys.add(row.type());
            case "country" -> keys.add(row.country());
            case "company" -> keys.addAll(row.companyIds());
            case "tag" -> keys.addAll(row.tags());
            default -> throw new IllegalArgumentException(groupBy);
        }
        return keys;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private List<Row> fetchAll() throws IOException {
        List<Row> rows = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParam("limit", 200).accept(ContentType.JSON);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode body = json.readTree(request.when().get("/api/v1/events").then().statusCode(200).extract().asString());
            for (JsonNode item : body.get("items")) {
                rows.add(row(item));
            }
            cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
        } while (cursor != null);
        return rows;
    }

    private static Row row(JsonNode e) {
        List<String> companyIds = new ArrayList<>();
        List<String> tickers = new ArrayList<>();
        StringBuilder search = new StringBuilder(e.get("title").asText());
        if (!e.get("summary").isNull()) {
            search.append('\n').append(e.get("summary").asText());
        }
        List<String> tags = new ArrayList<>();
        e.get("tags").forEach(t -> tags.add(t.asText()));
        search.append('\n').append(String.join(" ", tags));
        for (JsonNode p : e.get("participants")) {
            companyIds.add(p.get("companyId").asText());
            search.append('\n').append(p.get("name").asText());
            if (!p.get("ticker").isNull()) {
                tickers.add(p.get("ticker").asText());
                search.append(' ').append(p.get("ticker").asText());
            }
        }
        return new Row(e.get("id").asText(), e.get("type").asText(), LocalDate.parse(e.get("occurredOn").asText()),
                e.get("title").asText(), decimal(e.get("amount")), text(e.get("currency")), decimal(e.get("percentChange")),
                text(e.get("country")), companyIds, tickers, tags, search.toString().toLowerCase(Locale.ROOT),
                Instant.parse(e.get("createdAt").asText()), e);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
