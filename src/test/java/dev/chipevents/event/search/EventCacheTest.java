package dev.chipevents.event.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.common.db.Sql;
import dev.chipevents.support.TestData;

/**
 * An event read by id is answered again from this replica's cache only while the change log's last number is the
 * one it was read under: every change an answer shows (the event, a linked event's title, a company's name) is seen
 * by the next read, also one committed by another replica.
 */
@QuarkusTest
class EventCacheTest {

    @Inject
    Sql sql;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void aKeptEventShowsEveryChangeItsAnswerDependsOn() {
        String company = TestData.createCompany();
        String id = TestData.createEvent(TestData.eventWith("cached event", company)).path("id");
        String other = TestData.createEvent(TestData.event("linked event")).path("id");
        given().contentType(ContentType.JSON).body(Map.of("type", "RESPONDS_TO", "eventId", other))
                .when().post("/api/v1/events/" + id + "/links").then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("cached event"))
                    .body("links[0].title", equalTo("linked event")).header("ETag", equalTo("\"1\""));
        }

        String renamed = TestData.unique("Renamed Foundry");
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body(Map.of("name", renamed))
                .when().patch("/api/v1/companies/" + company).then().statusCode(200);
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("participants[0].name", equalTo(renamed));

        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body(Map.of("title", "linked, retitled"))
                .when().patch("/api/v1/events/" + other).then().statusCode(200);
        // The other end's title shows in this event's links, so its version moves on too.
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("links[0].title", equalTo("linked, retitled"))
                .header("ETag", equalTo("\"2\""));

        given().contentType("application/merge-patch+json").header("If-Match", "\"2\"").body(Map.of("title", "cached, retitled"))
                .when().patch("/api/v1/events/" + id).then().statusCode(200);
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("cached, retitled"))
                .header("ETag", equalTo("\"3\""));
        given().header("If-None-Match", "\"2\"").when().get("/api/v1/events/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"3\""));
        given().header("If-None-Match", "\"3\"").when().get("/api/v1/events/" + id).then().statusCode(304);

        given().when().delete("/api/v1/events/" + other).then().statusCode(204);
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("links", empty()).header("ETag", equalTo("\"4\""));
        given().when().delete("/api/v1/events/" + id).then().statusCode(204);
        given().when().get("/api/v1/events/" + id).then().statusCode(404).body("status", equalTo(404));
    }

    /**
     * Where other processes may write the database (PostgreSQL, replicas of this service); on the embedded H2 database
     * only this process can, and the cache knows every commit without reading the counter (ReadCostTest).
     */
    @Test
    void aChangeCommittedByAnotherReplicaShowsOnTheNextRead() {
        Assumptions.assumeTrue(dbKind.startsWith("postgres"), "only one process writes the embedded H2 database");
        String id = TestData.createEvent(TestData.event("seen by two replicas")).path("id");
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("seen by two replicas"));

        // A row changed behind the ledger's back (no change-log entry) is not seen: the answer is the kept one.
        QuarkusTransaction.requiringNew().run(() -> sql.update("update event set title = ? where id = ?", "changed elsewhere",
                UUID.fromString(id)));
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("seen by two replicas"));

        // Another replica's commit moves the change log's counter on, which the next read checks.
        QuarkusTransaction.requiringNew().run(() -> sql.update("update change_log_counter set last_sequence = last_sequence + 1"
                + " where id = 1"));
        given().when().get("/api/v1/events/" + id).then().statusCode(200).body("title", equalTo("changed elsewhere"))
                .body("participants", hasSize(0));
    }
}
