package dev.chipevents.changes;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.SseClient;
import dev.chipevents.support.TestData;

@QuarkusTest
class ChangesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/changes")
    URI changes;

    @Test
    void streamsEveryWriteLiveWithItsSequenceOperationAndState() throws Exception {
        try (SseClient stream = SseClient.open(changes, null)) {
            assertEquals(200, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"));
            String id = TestData.createEvent(TestData.event("Live one")).path("id");
            SseClient.Message created = stream.next(WAIT);
            assertNotNull(created, "the create arrives");
            assertEquals("CREATE", created.event());
            JsonNode data = JSON.readTree(created.data());
            assertEquals(Long.parseLong(created.id()), data.get("sequence").asLong());
            assertEquals("event", data.get("resource").asText());
            assertEquals(id, data.get("id").asText());
            assertEquals(0, data.get("version").asLong());
            assertEquals("Live one", data.get("state").get("title").asText());
            assertEquals(false, data.get("imported").asBoolean());

            given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"title\": \"Live two\"}")
                    .when().patch("/api/v1/events/" + id).then().statusCode(200);
            SseClient.Message updated = stream.next(WAIT);
            assertEquals("UPDATE", updated.event());
            assertEquals(Long.parseLong(created.id()) + 1, Long.parseLong(updated.id()));
            assertEquals("Live two", JSON.readTree(updated.data()).get("state").get("title").asText());
            assertEquals(1, JSON.readTree(updated.data()).get("version").asLong());

            given().when().delete("/api/v1/events/" + id).then().statusCode(204);
            SseClient.Message deleted = stream.next(WAIT);
            assertEquals("DELETE", deleted.event());
            assertEquals(id, JSON.readTree(deleted.data()).get("id").asText());
            assertNull(JSON.readTree(deleted.data()).get("state"), "a delete carries the id only");

            given().when().post("/api/v1/events/" + id + "/restore").then().statusCode(200);
            assertEquals("RESTORE", stream.next(WAIT).event());

            String company = TestData.createCompany();
            SseClient.Message companyCreated = stream.next(WAIT);
            assertEquals("company", JSON.readTree(companyCreated.data()).get("resource").asText());
            assertEquals(company, JSON.readTree(companyCreated.data()).get("id").asText());
        }
    }

    @Test
    void replaysFromLastEventIdOrSinceThenGoesLive() throws Exception {
        long before = ChangeLogs.last();
        String a = TestData.createEvent(TestData.event("Replay a")).path("id");
        String b = TestData.createEvent(TestData.event("Replay b")).path("id");
        try (SseClient stream = SseClient.open(changes, Long.toString(before))) {
            assertEquals(a, JSON.readTree(stream.next(WAIT).data()).get("id").asText());
            SseClient.Message second = stream.next(WAIT);
            assertEquals(b, JSON.readTree(second.data()).get("id").asText());
            String c = TestData.createEvent(TestData.event("Replay c")).path("id");
            assertEquals(c, JSON.readTree(stream.next(WAIT).data()).get("id").asText());
        }
        // Last-Event-ID wins over since, as a reconnecting EventSource sends both
        try (SseClient stream = SseClient.open(URI.create(changes + "?since=0"), Long.toString(before + 1))) {
            assertEquals(b, JSON.readTree(stream.next(WAIT).data()).get("id").asText());
        }
        try (SseClient stream = SseClient.open(URI.create(changes + "?since=" + (before + 1)), null)) {
            assertEquals(b, JSON.readTree(stream.next(WAIT).data()).get("id").asText());
        }
    }

    @Test
    void theListFiltersApplyToEventsBeforeOrAfterTheChange() throws Exception {
        String tag = "stream-" + TestData.unique("t").replaceAll("[^a-z0-9]", "");
        try (SseClient stream = SseClient.open(URI.create(changes + "?tag=" + tag + "&type=IPO"), null)) {
            Map<String, Object> other = TestData.event("Not followed");
            other.put("tags", List.of(tag));
            TestData.createEvent(other); // type OTHER: not followed
            TestData.createCompany(); // companies never, with event filters
            Map<String, Object> ipo = TestData.event("Followed IPO");
            ipo.put("type", "IPO");
            ipo.put("tags", List.of(tag));
            String id = TestData.createEvent(ipo).path("id");
            SseClient.Message created = stream.next(WAIT);
            assertEquals(id, JSON.readTree(created.data()).get("id").asText());
            // it stops matching: still sent, so that a timeline can drop it
            given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"type\": \"POLICY\"}")
                    .when().patch("/api/v1/events/" + id).then().statusCode(200);
            SseClient.Message left = stream.next(WAIT);
            assertEquals("UPDATE", left.event());
            assertEquals("POLICY", JSON.readTree(left.data()).get("state").get("type").asText());
            // and then it is no longer followed
            given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("{\"title\": \"Still a policy\"}")
                    .when().patch("/api/v1/events/" + id).then().statusCode(200);
            assertNull(stream.next(Duration.ofSeconds(2)));
        }
    }

    @Test
    void pagesForClientsThatPoll() {
        long before = ChangeLogs.last();
        String a = TestData.createEvent(TestData.event("Page a")).path("id");
        String company = TestData.createCompany();
        String b = TestData.createEvent(TestData.event("Page b")).path("id");
        given().accept(ContentType.JSON).queryParam("since", before).queryParam("limit", 2)
                .when().get("/api/v1/changes")
                .then().statusCode(200).header("Link", org.hamcrest.Matchers.containsString("since=" + (before + 2)))
                .body("items", hasSize(2)).body("items[0].id", equalTo(a)).body("items[0].sequence", equalTo((int) before + 1))
                .body("items[1].id", equalTo(company)).body("items[1].resource", equalTo("company"))
                .body("nextSince", equalTo((int) before + 2)).body("more", equalTo(true));
        given().accept(ContentType.JSON).queryParam("since", before + 2).queryParam("resource", "event")
                .when().get("/api/v1/changes")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(b))
                .body("items[0].state.title", equalTo("Page b")).body("more", equalTo(false));
        given().accept(ContentType.JSON).queryParam("since", before).queryParam("resource", "company")
                .when().get("/api/v1/changes")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(company));
    }

    @Test
    void eachEntryCarriesTheVersionItsChangeLeft() {
        long before = ChangeLogs.last();
        Map<String, Object> body = TestData.event("Versions");
        String external = TestData.unique("versions").replace(' ', '-');
        body.put("externalId", external);
        String id = TestData.createEvent(body).path("id");
        int patched = given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"title\": \"Versions 2\"}")
                .when().patch("/api/v1/events/" + id).then().statusCode(200).extract().path("version");
        body.put("title", "Versions 3");
        given().contentType(ContentType.JSON).body(List.of(body)).queryParam("mode", "upsert").when().post("/api/v1/events/import")
                .then().statusCode(200).body("updated", equalTo(1));
        int imported = given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("Versions 3"))
                .extract().path("version");
        given().when().delete("/api/v1/events/" + id).then().statusCode(204);
        int restored = given().when().post("/api/v1/events/" + id + "/restore").then().statusCode(200).extract().path("version");
        String company = TestData.createCompany();
        Map<String, Object> renamed = TestData.company(TestData.unique("Renamed"));
        int companyUpdated = given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed)
                .when().put("/api/v1/companies/" + company).then().statusCode(200).extract().path("version");
        assertEquals(List.of(1, 2), List.of(patched, imported), "each write moved the version on");
        given().accept(ContentType.JSON).queryParam("since", before)
                .when().get("/api/v1/changes")
                .then().statusCode(200)
                .body("items.operation", equalTo(List.of("CREATE", "UPDATE", "UPDATE", "DELETE", "RESTORE", "CREATE", "UPDATE")))
                .body("items.imported", equalTo(List.of(false, false, true, false, false, false, false)))
                .body("items.version", equalTo(List.of(0, patched, imported, imported, restored, 0, companyUpdated)))
                .body("items.state.version", equalTo(List.of(0, patched, imported, restored, 0, companyUpdated))); // a delete has none
    }

    @Test
    void aBulkImportGetsOneEntryPerRow() {
        long before = ChangeLogs.last();
        given().contentType(ContentType.JSON).body(List.of(TestData.event("Imported 1"), TestData.event("Imported 2")))
                .when().post("/api/v1/events/import").then().statusCode(200);
        given().accept(ContentType.JSON).queryParam("since", before)
                .when().get("/api/v1/changes")
                .then().statusCode(200).body("items", hasSize(2)).body("items.imported", equalTo(List.of(true, true)))
                .body("items.operation", equalTo(List.of("CREATE", "CREATE")))
                .body("items.state.title", equalTo(List.of("Imported 1", "Imported 2")));
    }

    @Test
    void refusesBadResumePointsAndFilters() throws Exception {
        long last = ChangeLogs.last();
        given().accept(ContentType.JSON).header(INVALID_ON_PURPOSE, "x").queryParam("since", last + 1000)
                .when().get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("since"));
        given().accept(ContentType.JSON).header(INVALID_ON_PURPOSE, "x").queryParam("sincee", 1)
                .when().get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("sincee"));
        given().accept("text/event-stream").header(INVALID_ON_PURPOSE, "x").header("Last-Event-ID", "abc")
                .when().get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("Last-Event-ID"));
        given().accept("text/event-stream").header(INVALID_ON_PURPOSE, "x").queryParam("resource", "apikey")
                .when().get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("resource"));
        given().accept("text/event-stream").header(INVALID_ON_PURPOSE, "x").queryParam("type", "IPO").queryParam("resource", "company")
                .when().get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("resource"));
        given().accept("text/event-stream").queryParam("company", "No Such Company Anywhere")
                .when().get("/api/v1/changes").then().statusCode(400).body("errors[0].field", equalTo("company"));
        try (SseClient future = SseClient.open(changes, Long.toString(last + 1000))) {
            assertEquals(400, future.status());
            assertTrue(future.body().contains("beyond the last change"));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /**
     * PostgreSQL only: every connection of the service is cut (as when the database restarts). Streams end
     * cleanly, and a client that resumes from its last id gets each change once.
     */
    @Test
    void aDatabaseOutageEndsStreamsAndResumingMissesNothing() throws Exception {
        Assumptions.assumeTrue(dbKind.startsWith("postgres"), "needs a database server whose connections can be cut");
        SseClient stream = SseClient.open(changes, null);
        assertEquals(200, stream.status());
        String before = TestData.createEvent(TestData.event("Before the outage")).path("id");
        assertEquals(before, JSON.readTree(stream.next(WAIT).data()).get("id").asText());
        try (java.sql.Connection admin = dataSource.getConnection(); java.sql.Statement cut = admin.createStatement()) {
            cut.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = current_user"
                    + " and pid <> pg_backend_pid() and datname = current_database()");
        }
        List<String> written = new java.util.ArrayList<>();
        for (int i = 0; written.size() < 3 && i < 40; i++) {
            var answer = given().contentType(ContentType.JSON).body(TestData.event("During the outage " + i))
                    .when().post("/api/v1/events");
            if (answer.statusCode() == 201) { // a write on a cut connection fails; the client retries
                written.add(answer.path("id"));
            }
        }
        assertEquals(3, written.size());
        List<String> received = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < written.size() && System.nanoTime() < deadline) {
            SseClient.Message message = stream.next(Duration.ofSeconds(1));
            if (message != null) {
                received.add(JSON.readTree(message.data()).get("id").asText());
            } else if (stream.ended()) {
                stream = SseClient.open(changes, stream.lastEventId()); // as EventSource reconnects
            }
        }
        stream.close();
        dataSource.flush(AgroalDataSource.FlushMode.ALL); // the pool's cut connections would fail the next tests once each
        assertEquals(written, received, "each change once, in order, across the outage");
    }

    @Test
    void anyAcceptGetsTheStream() throws Exception {
        try (SseClient stream = SseClient.open(changes, null, "Accept", "*/*")) {
            assertEquals(200, stream.status());
            assertTrue(stream.header("Content-Type").startsWith("text/event-stream"), stream.header("Content-Type"));
            assertEquals("no-store", stream.header("Cache-Control"));
        }
    }
}
