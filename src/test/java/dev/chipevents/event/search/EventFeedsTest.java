package dev.chipevents.event.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.chipevents.support.TestData;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Categories;

/** The calendar and Atom forms of a list, read back by ical4j and ROME. */
@QuarkusTest
class EventFeedsTest {

    /** Commas, semicolons, a backslash, a line break, quotes, accents, CJK and an emoji, long enough to be folded. */
    private static final String AWKWARD = "CHIPS Act, round 2; \"award\" \\ for Ünïcødé 半導體 fabs 😀\nsecond line — €39bn";

    private List<Map<String, String>> createFour(String tag) {
        List<Map<String, String>> created = new ArrayList<>();
        String[][] rows = { { "DAY", "2025-01-27" }, { "MONTH", "2024-03-01" }, { "QUARTER", "2023-10-01" }, { "YEAR", "2022-01-01" } };
        String company = TestData.createCompany();
        for (String[] row : rows) {
            Map<String, Object> body = TestData.eventWith(AWKWARD + " " + row[0], company);
            body.put("type", "GOVERNMENT_AWARD");
            body.put("datePrecision", row[0]);
            body.put("occurredOn", row[1]);
            body.put("summary", "Summary with, commas; and semicolons\nand a second line: " + "x".repeat(120) + " ü");
            body.put("tags", List.of(tag, "chips-act"));
            body.put("sources", List.of(Map.of("url", "https://www.commerce.gov/news?a=1&b=2", "publisher", "Commerce, US")));
            Response response = TestData.createEvent(body);
            Map<String, String> event = new HashMap<>();
            event.put("id", response.path("id"));
            event.put("title", response.path("title"));
            event.put("precision", row[0]);
            event.put("occurredOn", row[1]);
            created.add(event);
        }
        return created;
    }

    @Test
    void theCalendarHasOneAllDayEventPerMatchWithItsPeriodAndTextIntact() throws Exception {
        String tag = tag();
        List<Map<String, String>> events = createFour(tag);
        byte[] ics = given().queryParam("tag", tag).queryParam("format", "ics")
                .when().get("/api/v1/events").then().statusCode(200).contentType("text/calendar;charset=UTF-8")
                .extract().asByteArray();
        String raw = new String(ics, StandardCharsets.UTF_8);
        for (String line : raw.split("\r\n", -1)) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, "folded at 75 octets: " + line);
        }
        assertFalse(raw.replace("\r\n", "").contains("\n"), "every line ends in CRLF");

        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(ics));
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().getEntries().toString());
        List<VEvent> vevents = calendar.getComponents(Component.VEVENT);
        assertEquals(events.size(), vevents.size());
        Map<String, VEvent> byUid = vevents.stream().collect(Collectors.toMap(v -> value(v, Property.UID), Function.identity()));
        assertEquals(events.size(), byUid.size(), "every event once");
        Map<String, String[]> expectedDates = Map.of("DAY", new String[]{ "20250127", "20250128" },
                "MONTH", new String[]{ "20240301", "20240401" }, "QUARTER", new String[]{ "20231001", "20240101" },
                "YEAR", new String[]{ "20220101", "20230101" });
        for (Map<String, String> event : events) {
            VEvent vevent = byUid.get(event.get("id"));
            assertNotNull(vevent, "UID is the event's id");
            assertEquals(event.get("title"), value(vevent, Property.SUMMARY));
            assertEquals(AWKWARD + " " + event.get("precision"), value(vevent, Property.SUMMARY));
            assertEquals(expectedDates.get(event.get("precision"))[0], value(vevent, Property.DTSTART));
            assertEquals(expectedDates.get(event.get("precision"))[1], value(vevent, Property.DTEND));
            assertEquals("DATE", vevent.getProperty(Property.DTSTART).orElseThrow().getParameter("VALUE").orElseThrow().getValue());
            String description = value(vevent, Property.DESCRIPTION);
            assertTrue(description.startsWith("Summary with, commas; and semicolons\nand a second line: "), description);
            assertTrue(description.contains("https://www.commerce.gov/news?a=1&b=2 (Commerce, US)"), description);
            Categories categories = vevent.getProperty(Property.CATEGORIES).map(Categories.class::cast).orElseThrow();
            assertEquals(Set.of("GOVERNMENT_AWARD", tag, "chips-act"), categories.getCategories().getTexts());
            assertTrue(value(vevent, Property.URL).endsWith("/api/v1/events/" + event.get("id")));
            assertEquals("0", value(vevent, Property.SEQUENCE));
            assertNotNull(value(vevent, Property.LAST_MODIFIED));
        }

        // Accept works as format does, and a change shows in SEQUENCE
        String id = events.get(0).get("id");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"country\": \"US\"}")
                .when().patch("/api/v1/events/" + id).then().statusCode(200);
        byte[] again = given().accept("text/calendar").queryParam("tag", tag)
                .when().get("/api/v1/events").then().statusCode(200).extract().asByteArray();
        Calendar updated = new CalendarBuilder().build(new ByteArrayInputStream(again));
        VEvent changed = updated.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(v -> value(v, Property.UID).equals(id)).findFirst().orElseThrow();
        assertEquals("1", value(changed, Property.SEQUENCE));
    }

    @Test
    void theAtomFeedPagesTheMatchesNewestChangeFirst() throws Exception {
        String tag = tag();
        List<Map<String, String>> events = createFour(tag);
        String touched = events.get(1).get("id");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"country\": \"US\"}")
                .when().patch("/api/v1/events/" + touched).then().statusCode(200);

        Feed first = atom(given().queryParam("tag", tag).queryParam("limit", 3).queryParam("format", "atom")
                .when().get("/api/v1/events").then().statusCode(200).contentType("application/atom+xml;charset=UTF-8")
                .extract().asString());
        assertTrue(first.getId().startsWith("urn:uuid:"));
        assertEquals(3, first.getEntries().size());
        Entry newest = first.getEntries().get(0);
        assertEquals("urn:uuid:" + touched, newest.getId(), "the event changed last comes first");
        assertEquals(AWKWARD + " MONTH", newest.getTitle());
        assertTrue(newest.getSummary().getValue().startsWith("Summary with, commas; and semicolons\nand a second line"));
        assertNotNull(newest.getUpdated());
        Link json = newest.getAlternateLinks().get(0);
        assertEquals("application/json", json.getType());
        assertTrue(json.getHref().endsWith("/api/v1/events/" + touched));
        assertEquals(Set.of("GOVERNMENT_AWARD", tag, "chips-act"),
                newest.getCategories().stream().map(Category::getTerm).collect(Collectors.toSet()));
        Link next = first.getOtherLinks().stream().filter(l -> "next".equals(l.getRel())).findFirst().orElseThrow();

        Feed second = atom(given().urlEncodingEnabled(false).when().get(next.getHref()).then().statusCode(200).extract().asString());
        assertEquals(1, second.getEntries().size());
        assertNull(second.getOtherLinks().stream().filter(l -> "next".equals(l.getRel())).findFirst().orElse(null));
        assertEquals(first.getId(), second.getId(), "one feed, two pages");
        Set<String> ids = new java.util.HashSet<>();
        first.getEntries().forEach(e -> ids.add(e.getId()));
        second.getEntries().forEach(e -> ids.add(e.getId()));
        assertEquals(events.stream().map(e -> "urn:uuid:" + e.get("id")).collect(Collectors.toSet()), ids, "every event once");

        Feed byAccept = atom(given().accept("application/atom+xml").queryParam("tag", tag)
                .when().get("/api/v1/events").then().statusCode(200).extract().asString());
        assertEquals(4, byAccept.getEntries().size());
    }

    private static Feed atom(String xml) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    private static String value(Component component, String property) {
        return component.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static String tag() {
        return "feed-" + TestData.unique("t").replaceAll("[^a-z0-9]", "");
    }
}
