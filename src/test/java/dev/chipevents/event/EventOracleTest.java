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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.chipevents.support.TestData;

/**
 * The oracle: thousands of seeded random events (amounts of every kind, dates of every precision) and
 * hundreds of random links between them, hundreds of random queries walked page by page, each compared
 * with the same query computed in plain Java over the same data; and statistics that never add two
 * kinds of amount together nor place an event on a day finer than its date.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventOracleTest {

    private static final long SEED = 20250127L;
    private static final int EVENTS = 1500;
    private static final int LINKS = 400;
    private static final String[] LINK_TYPES = { "CAUSED", "RESPONDS_TO", "RESTATES", "FOLLOWS_UP", "PART_OF" };
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
    record Row(String id, String type, LocalDate occurredOn, String datePrecision, String title, BigDecimal amount, String amountKind,
            String currency, BigDecimal percentChange, String country, List<String> companyIds, List<String> tickers, List<String> tags,
            Set<String> linked, String searchText, Instant createdAt, JsonNode json) {
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
        List<Future<String>> done = new ArrayList<>();
        for (Map<String, Object> body : bodies) {
            done.add(pool.submit(() -> TestData.createEvent(body).path("id")));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : done) {
            ids.add(f.get());
        }
        pool.shutdown();
        // CAUSED only from an earlier event of the list to a later one: a chain of them can never come back.
        Set<String> made = new HashSet<>();
        for (int i = 0; i < LINKS; i++) {
            int a = random.nextInt(ids.size());
            int b = random.nextInt(ids.size());
            String type = LINK_TYPES[random.nextInt(LINK_TYPES.length)];
            if (a == b || type.equals("CAUSED") && a > b || !made.add(a + " " + b + " " + type)) {
                continue;
            }
            given().contentType(ContentType.JSON).body(Map.of("type", type, "eventId", ids.get(b)))
                    .when().post("/api/v1/events/" + ids.get(a) + "/links").then().statusCode(201);
        }
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
                RequestSpecification request =
                        given().header(LENIENT_FORM, "true").queryParam("limit", limit).queryParam("withTotal", pages == 0);
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
        for (int round = 0; round < 54; round++) {
            Map<String, List<String>> params = randomFilters();
            String groupBy = groupings[round % groupings.length];
            RequestSpecification request = given().header(LENIENT_FORM, "true").queryParam("groupBy", groupBy);
            params.forEach((name, values) -> values.forEach(v -> request.queryParam(name, v)));
            JsonNode body = json.readTree(request.when().get("/api/v1/events/stats").then().statusCode(200).extract().asString());
            List<Row> matching = universe.stream().filter(predicate(params)).toList();
            Map<String, Long> counts = new HashMap<>();
            Map<String, Map<String, BigDecimal[]>> sums = new HashMap<>();
            Map<String, Long> coarserCounts = new HashMap<>();
            Map<String, Map<String, BigDecimal[]>> coarserSums = new HashMap<>();
            for (Row row : matching) {
                boolean coarser = isCoarser(row.datePrecision(), groupBy);
                List<String> keys = coarser ? List.of(periodKey(row.datePrecision(), row.occurredOn()) + " " + row.datePrecision())
                        : keysOf(row, groupBy);
                for (String key : keys) {
                    (coarser ? coarserCounts : counts).merge(key, 1L, Long::sum);
                    Map<String, BigDecimal[]> byKind = (coarser ? coarserSums : sums).computeIfAbsent(key, k -> new TreeMap<>());
                    if (row.amount() != null) {
                        BigDecimal[] sum = byKind.computeIfAbsent(row.amountKind() + " " + row.currency(),
                                k -> new BigDecimal[]{ BigDecimal.ZERO, BigDecimal.ZERO });
                        sum[0] = sum[0].add(row.amount());
                        sum[1] = sum[1].add(BigDecimal.ONE);
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
            String context = " by " + groupBy + " " + params;
            List<String> actualKeys = new ArrayList<>();
            for (JsonNode bucket : body.get("buckets")) {
                String key = bucket.get("key").isNull() ? null : bucket.get("key").asText();
                actualKeys.add(key);
                assertEquals(counts.get(key), bucket.get("count").asLong(), "count of " + key + context);
                assertAmounts(sums.get(key), bucket.get("amounts"), key + context);
            }
            assertEquals(expectedKeys, actualKeys, "buckets" + context);
            List<String> expectedCoarser = new ArrayList<>(coarserCounts.keySet());
            expectedCoarser.sort(Comparator.comparing((String k) -> periodStart(k.split(" ")[1], k.split(" ")[0]))
                    .thenComparing(k -> DatePrecision.valueOf(k.split(" ")[1])));
            List<String> actualCoarser = new ArrayList<>();
            for (JsonNode bucket : body.get("coarser")) {
                String key = bucket.get("key").asText() + " " + bucket.get("datePrecision").asText();
                actualCoarser.add(key);
                assertEquals(coarserCounts.get(key), bucket.get("count").asLong(), "coarser count of " + key + context);
                assertAmounts(coarserSums.get(key), bucket.get("amounts"), "coarser " + key + context);
            }
            assertEquals(expectedCoarser, actualCoarser, "coarser buckets" + context);
        }
    }

    /** The answer's sums: one per kind and currency, exactly those expected; two kinds are never added together. */
    private static void assertAmounts(Map<String, BigDecimal[]> expected, JsonNode actual, String context) {
        Set<String> seen = new HashSet<>();
        for (JsonNode amount : actual) {
            String slot = amount.get("kind").asText() + " " + amount.get("currency").asText();
            assertTrue(seen.add(slot), "two sums of " + slot + " in " + context);
            BigDecimal[] sum = expected.get(slot);
            assertTrue(sum != null, "an unexpected sum of " + slot + " in " + context);
            assertEquals(0, sum[0].compareTo(amount.get("sum").decimalValue()), "sum of " + slot + " in " + context);
            assertEquals(sum[1].longValue(), amount.get("count").asLong(), "events summed in " + slot + " in " + context);
        }
        assertEquals(expected.keySet(), seen, "kinds and currencies of " + context);
    }

    @Test
    void statsNeverAddTwoKindsOfAmountTogether() {
        String tag = "kinds-" + System.nanoTime();
        for (String[] amount : new String[][]{ { "STOCK_MOVE", "MARKET_VALUE_LOSS", "589000000000" },
                { "GOVERNMENT_AWARD", "AWARD", "6600000000" }, { "GOVERNMENT_AWARD", "AWARD", "400000000" },
                { "IPO", "VALUATION", "4500000000" }, { "PRODUCT_LAUNCH", "COST", "6000000" } }) {
            Map<String, Object> body = TestData.event(amount[0] + " " + amount[1]);
            body.put("type", amount[0]);
            body.put("amountKind", amount[1]);
            body.put("amount", new BigDecimal(amount[2]));
            body.put("currency", "USD");
            body.put("tags", List.of(tag));
            if (amount[0].equals("STOCK_MOVE")) {
                body.put("percentChange", -16.97);
            }
            TestData.createEvent(body);
        }
        for (String groupBy : new String[]{ "day", "month", "year", "tag", "country" }) {
            given().queryParam("groupBy", groupBy).queryParam("tag", tag).when().get("/api/v1/events/stats")
                    .then().statusCode(200).body("buckets", org.hamcrest.Matchers.hasSize(1))
                    .body("buckets[0].count", org.hamcrest.Matchers.equalTo(5))
                    .body("buckets[0].amounts.kind",
                            org.hamcrest.Matchers.equalTo(List.of("MARKET_VALUE_LOSS", "AWARD", "VALUATION", "COST")))
                    .body("buckets[0].amounts.sum",
                            org.hamcrest.Matchers.equalTo(List.of(589000000000L, 7000000000L, 4500000000L, 6000000)))
                    .body("buckets[0].amounts.count", org.hamcrest.Matchers.equalTo(List.of(1, 2, 1, 1)))
                    .body("buckets[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("amountByCurrency")));
        }
    }

    /**
     * An export of every event spans several batches of 500, each read while the one before is written: the CSV and the
     * iCalendar file hold the same events, in the same order, as the JSON pages walked by their cursor.
     */
    @Test
    void exportsOfEveryEventHoldWhatTheCursorWalks() throws Exception {
        ensureData();
        List<String> walked = fetchAll().stream().map(Row::id).toList();
        assertTrue(walked.size() > 1000, "several batches: " + walked.size());
        String csv = given().accept("text/csv").when().get("/api/v1/events").then().statusCode(200).extract().asString();
        List<String> exported = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader())
                .readValues(csv)) {
            it.forEachRemaining(r -> exported.add(r.get("id")));
        }
        assertEquals(walked.size(), exported.size(), "rows in the CSV");
        assertTrue(walked.equals(exported), "the CSV holds the walked events in their order");
        String calendar = given().queryParam("format", "ics").when().get("/api/v1/events").then().statusCode(200)
                .extract().asString();
        List<String> uids = new ArrayList<>();
        Matcher uid = Pattern.compile("\r\nUID:([0-9a-f-]{36})\r\n").matcher(calendar);
        while (uid.find()) {
            uids.add(uid.group(1));
        }
        assertEquals(walked.size(), uids.size(), "events in the iCalendar file");
        assertTrue(walked.equals(uids), "the iCalendar file holds the walked events in their order");
        assertTrue(calendar.endsWith("END:VCALENDAR\r\n"), calendar.substring(calendar.length() - 100));
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
        assertTrue(csv.startsWith("id,type,occurredOn,datePrecision,title,summary,amount,amountKind,currency,percentChange,country,"
                + "participants,tags,sources,externalId,createdAt,updatedAt,version\r\n"), csv.substring(0, 200));
        Map<String, Row> byId = universe.stream().collect(Collectors.toMap(Row::id, r -> r));
        for (Map<String, String> r : rows) {
            Row row = byId.get(r.get("id"));
            assertEquals(row.title(), r.get("title"));
            assertEquals(row.type(), r.get("type"));
            assertEquals(row.occurredOn().toString(), r.get("occurredOn"));
            assertEquals(row.amount() == null ? "" : row.amount().toPlainString(), r.get("amount"));
            assertEquals(row.amountKind() == null ? "" : row.amountKind(), r.get("amountKind"));
            assertEquals(row.datePrecision(), r.get("datePrecision"));
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
        if (random.nextInt(8) == 0) {
            DatePrecision precision = DatePrecision.values()[1 + random.nextInt(3)];
            LocalDate day = LocalDate.parse((String) body.get("occurredOn"));
            body.put("datePrecision", precision.name());
            LocalDate start = switch (precision) {
                case MONTH -> day.withDayOfMonth(1);
                case QUARTER -> LocalDate.of(day.getYear(), (day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1, 1);
                default -> day.withDayOfYear(1);
            };
            body.put("occurredOn", start.toString());
        }
        BigDecimal change = null;
        if (type == EventType.STOCK_MOVE || random.nextInt(6) == 0) {
            change = BigDecimal.valueOf(random.nextInt(6000) - 3000, 2);
            body.put("percentChange", change);
        }
        if (random.nextInt(2) == 0) {
            body.put("amount", BigDecimal.valueOf(Math.round(Math.exp(random.nextGaussian() * 3 + 15)), random.nextInt(3)));
            body.put("currency", CURRENCIES[random.nextInt(CURRENCIES.length)]);
            List<AmountKind> kinds = new ArrayList<>(AmountKind.allowedFor(type));
            BigDecimal sign = change;
            kinds.removeIf(k -> k.isMarketValueMove() && (sign == null || sign.signum() != (k == AmountKind.MARKET_VALUE_LOSS ? -1 : 1)));
            body.put("amountKind", kinds.get(random.nextInt(kinds.size())).name());
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
            params.put("q", List.of(random.nextBoolean() ? word.toUpperCase()
                    : word.substring(0, Math.min(4, word.length())) + " "
                            + WORDS[random.nextInt(WORDS.length)]));
        }
        if (random.nextInt(10) < 1) {
            params.put("currency", List.of(CURRENCIES[random.nextInt(CURRENCIES.length)]));
        }
        if (random.nextInt(10) < 2) {
            params.put(random.nextBoolean() ? "minAmount" : "maxAmount",
                    List.of(String.valueOf(Math.round(Math.exp(random.nextGaussian() * 3 + 15)))));
        }
        if (random.nextInt(10) < 1) {
            params.put(random.nextBoolean() ? "minChange" : "maxChange", List.of(String.valueOf(random.nextInt(40) - 20)));
        }
        if (random.nextInt(10) < 2) {
            AmountKind[] kinds = AmountKind.values();
            params.put("amountKind", List.of(kinds[random.nextInt(kinds.length)].name() + "," + kinds[random.nextInt(kinds.length)].name()
                    .toLowerCase()));
        }
        if (random.nextInt(10) < 2) {
            List<Row> linked = universe.stream().filter(r -> !r.linked().isEmpty()).toList();
            Row around = random.nextInt(5) == 0 || linked.isEmpty() ? universe.get(random.nextInt(universe.size()))
                    : linked.get(random.nextInt(linked.size()));
            params.put("relatedTo", List.of(around.id()));
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
                case "amountKind" -> r -> values.stream().anyMatch(v -> v.equalsIgnoreCase(r.amountKind()));
                case "relatedTo" -> r -> r.linked().contains(values.get(0));
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

    private static <T extends Comparable<? super T>> Comparator<Row> nullsLast(java.util.function.Function<Row, T> key,
            boolean descending) {
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

    private static final List<String> PERIODS = List.of("day", "week", "month", "quarter", "year");

    /** An event dated less precisely than a period of the grouping is counted apart (a month is coarser than a week). */
    private static boolean isCoarser(String precision, String groupBy) {
        int rank = PERIODS.indexOf(groupBy);
        int dated = switch (precision) {
            case "MONTH" -> 2;
            case "QUARTER" -> 3;
            case "YEAR" -> 4;
            default -> 0;
        };
        return rank >= 0 && dated > rank;
    }

    private static String periodKey(String precision, LocalDate day) {
        return switch (precision) {
            case "MONTH" -> String.format("%d-%02d", day.getYear(), day.getMonthValue());
            case "QUARTER" -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
            default -> String.valueOf(day.getYear());
        };
    }

    private static LocalDate periodStart(String precision, String key) {
        return switch (precision) {
            case "MONTH" -> LocalDate.parse(key + "-01");
            case "QUARTER" -> LocalDate.of(Integer.parseInt(key.substring(0, 4)), (key.charAt(key.length() - 1) - '1') * 3 + 1, 1);
            default -> LocalDate.of(Integer.parseInt(key), 1, 1);
        };
    }

    private static List<String> keysOf(Row row, String groupBy) {
        LocalDate day = row.occurredOn();
        List<String> keys = new ArrayList<>();
        switch (groupBy) {
            case "day" -> keys.add(day.toString());
            case "week" ->
                keys.add(String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
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
        Set<String> linked = new HashSet<>();
        e.get("links").forEach(l -> linked.add(l.get("eventId").asText()));
        return new Row(e.get("id").asText(), e.get("type").asText(), LocalDate.parse(e.get("occurredOn").asText()),
                e.get("datePrecision").asText(), e.get("title").asText(), decimal(e.get("amount")), text(e.get("amountKind")),
                text(e.get("currency")), decimal(e.get("percentChange")), text(e.get("country")), companyIds, tickers, tags, linked,
                search.toString().toLowerCase(Locale.ROOT), Instant.parse(e.get("createdAt").asText()), e);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
