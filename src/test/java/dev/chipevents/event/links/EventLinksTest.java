package dev.chipevents.event.links;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.chipevents.support.TestData;

/** Typed links between events: made, seen from both ends, walked, refused when they would be wrong, and kept in history. */
@QuarkusTest
class EventLinksTest {

    @Test
    void aLinkIsSeenFromBothEndsAndChangesBothEvents() throws Exception {
        String cause = event("R1 released", "2025-01-20");
        String effect = event("Nvidia falls", "2025-01-27");
        String editor = TestData.createKey("editor");
        io.restassured.response.Response answer = given().header("X-API-Key", editor).contentType(ContentType.JSON)
                .body(Map.of("type", "CAUSED", "eventId", effect, "note", "Markets took the claim at its word.",
                        "source", Map.of("url", "https://www.gzeromedia.com/", "publisher", "GZERO Media",
                                "title", "What DeepSeek means for the US-China AI war")))
                .when().post("/api/v1/events/" + cause + "/links");
        Map<String, Object> made = answer.then().statusCode(201)
                .header("Location", endsWith("/api/v1/events/" + cause + "/links/" + answer.path("linkId")))
                .body("type", equalTo("CAUSED")).body("direction", equalTo("OUTGOING")).body("relation", equalTo("CAUSED"))
                .body("eventId", equalTo(effect)).body("title", equalTo("Nvidia falls")).body("occurredOn", equalTo("2025-01-27"))
                .body("source.title", equalTo("What DeepSeek means for the US-China AI war"))
                .extract().as(Map.class);
        String linkId = (String) made.get("linkId");

        given().when().get("/api/v1/events/" + effect).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("links", hasSize(1))
                .body("links[0].linkId", equalTo(linkId)).body("links[0].relation", equalTo("CAUSED_BY"))
                .body("links[0].direction", equalTo("INCOMING")).body("links[0].eventId", equalTo(cause))
                .body("links[0].title", equalTo("R1 released")).body("links[0].occurredOn", equalTo("2025-01-20"))
                .body("links[0].note", equalTo("Markets took the claim at its word."));
        given().when().get("/api/v1/events/" + cause + "/links").then().statusCode(200)
                .body("eventId", equalTo(cause)).body("items.relation", equalTo(List.of("CAUSED")));
        given().when().get("/api/v1/events/" + effect + "/links/" + linkId).then().statusCode(200).body("relation", equalTo("CAUSED_BY"));
        given().when().get("/api/v1/events/" + effect + "/links/01a22356-0000-7000-8000-000000000000").then().statusCode(404);

        for (String id : List.of(cause, effect)) {
            given().when().get("/api/v1/events/" + id + "/history").then().statusCode(200)
                    .body("revisions.operation", equalTo(List.of("CREATE", "UPDATE")))
                    .body("revisions[1].changedBy", equalTo(TestData.changedByKey(editor)))
                    .body("revisions[0].state.links", empty()).body("revisions[1].state.links", hasSize(1))
                    .body("revisions[1].state.links[0].linkId", equalTo(linkId));
        }
        Thread.sleep(5);
        Instant linked = Instant.now();
        Thread.sleep(5);

        given().header("X-API-Key", editor).when().delete("/api/v1/events/" + effect + "/links/" + linkId).then().statusCode(403);
        given().when().delete("/api/v1/events/" + effect + "/links/" + linkId).then().statusCode(204);
        given().when().delete("/api/v1/events/" + effect + "/links/" + linkId).then().statusCode(404);
        for (String id : List.of(cause, effect)) {
            given().when().get("/api/v1/events/" + id).then().body("links", empty()).body("version", equalTo(2));
            given().when().get("/api/v1/events/" + id + "?asOf=" + linked).then().statusCode(200).body("links", hasSize(1));
            given().when().get("/api/v1/events/" + id + "/history").then()
                    .body("revisions.operation", equalTo(List.of("CREATE", "UPDATE", "UPDATE"))).body("revisions[2].state.links", empty());
        }
    }

    @Test
    void badLinksAreRefusedNamingTheFieldAndNothingIsWritten() {
        String a = event("A", "2025-01-01");
        String b = event("B", "2025-01-02");
        link(a, "RESPONDS_TO", b).statusCode(201);
        refused(a, Map.of("type", "RESPONDS_TO", "eventId", a), 400, "eventId", "itself");
        refused(a, Map.of("type", "RESPONDS_TO", "eventId", "01a22356-0000-7000-8000-000000000000"), 400, "eventId", "no event");
        refused(a, Map.of("type", "RESPONDS_TO", "externalId", "no-such-external-id"), 400, "externalId", "no event");
        refused(a, Map.of("type", "RESPONDS_TO", "eventId", b, "externalId", "x"), 400, "eventId", "exactly one");
        refused(a, Map.of("type", "RESPONDS_TO"), 400, "eventId", "exactly one");
        refused(a, Map.of("type", "INSPIRED", "eventId", b), 400, "type", "CAUSED");
        refused(a, Map.of("type", "RESPONDS_TO", "eventId", b), 409, "type", "already");
        refused(a, Map.of("type", "RESPONDS_TO", "eventId", b, "note", "x".repeat(1001)), 400, "note", "1000");
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(Map.of("type", "CAUSED", "eventId", b))
                .when().post("/api/v1/events/01a22356-0000-7000-8000-000000000000/links").then().statusCode(404);
        // The other direction is another link; a link of another type between the same events too.
        link(b, "RESPONDS_TO", a).statusCode(201);
        link(a, "FOLLOWS_UP", b).statusCode(201);
        given().when().get("/api/v1/events/" + a).then().body("links", hasSize(3)).body("version", equalTo(3));
    }

    @Test
    void aCausedLinkThatWouldCloseACycleIsRefusedNamingThePath() {
        String a = event("Cause", "2025-01-01");
        String b = event("Effect", "2025-01-02");
        String c = event("Effect of the effect", "2025-01-03");
        link(a, "CAUSED", b).statusCode(201);
        link(b, "CAUSED", c).statusCode(201);
        String message = given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body(Map.of("type", "CAUSED", "eventId", a)).when().post("/api/v1/events/" + c + "/links")
                .then().statusCode(409).body("errors[0].field", equalTo("type")).extract().path("errors[0].message");
        assertTrue(message.contains(c + " (Effect of the effect) CAUSED " + a + " (Cause) CAUSED " + b + " (Effect) CAUSED " + c),
                message);
        link(b, "CAUSED", a).statusCode(409);
        // Other types may go round.
        link(c, "RESPONDS_TO", a).statusCode(201);
        given().when().get("/api/v1/events/" + a).then().body("links", hasSize(2)).body("version", equalTo(2));
    }

    @Test
    void anEventTakesAtMostFiftyLinks() {
        String hub = event("Hub", "2025-01-01");
        List<Map<String, Object>> rows = new ArrayList<>();
        String prefix = "spoke-" + System.nanoTime() + "-";
        for (int i = 0; i < LinkCommands.MAX_LINKS_PER_EVENT; i++) {
            Map<String, Object> row = new HashMap<>(TestData.event("Spoke " + i));
            row.put("externalId", prefix + i);
            row.put("links", List.of(Map.of("type", "PART_OF", "eventId", hub)));
            rows.add(row);
        }
        given().contentType(ContentType.JSON).body(rows).when().post("/api/v1/events/import").then().statusCode(200)
                .body("created", equalTo(LinkCommands.MAX_LINKS_PER_EVENT));
        String one = event("One too many", "2025-01-02");
        refused(one, Map.of("type", "PART_OF", "eventId", hub), 409, "eventId", "50 links");
        refused(hub, Map.of("type", "PART_OF", "eventId", one), 409, "links", "50 links");
        given().when().get("/api/v1/events/" + hub + "/links").then().body("items", hasSize(LinkCommands.MAX_LINKS_PER_EVENT));
        given().when().get("/api/v1/events/" + one).then().body("links", empty()).body("version", equalTo(0));
    }

    @Test
    void relatedToListsTheEventsLinkedFromEitherEnd() {
        String center = event("Center", "2025-01-05");
        String before = event("Before", "2025-01-01");
        String after = event("After", "2025-01-09");
        event("Unlinked", "2025-01-07");
        link(before, "CAUSED", center).statusCode(201);
        link(center, "FOLLOWS_UP", after).statusCode(201);
        given().queryParam("relatedTo", center).queryParam("sort", "occurredOn").when().get("/api/v1/events")
                .then().statusCode(200).body("items.id", equalTo(List.of(before, after)));
        given().queryParam("relatedTo", before).when().get("/api/v1/events").then().body("items.id", equalTo(List.of(center)));
        given().queryParam("relatedTo", center).queryParam("groupBy", "type").when().get("/api/v1/events/stats")
                .then().statusCode(200).body("buckets[0].count", equalTo(2));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("relatedTo", "center").when().get("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("relatedTo"));
    }

    @Test
    void theNeighbourhoodIsASmallGraphWithinOneToThreeSteps() {
        String r1 = event("Release", "2025-01-20");
        String drop = event("Drop", "2025-01-27");
        String index = event("Index falls", "2025-01-27");
        String block = event("Block", "2025-01-30");
        String far = event("Far", "2025-02-10");
        link(r1, "CAUSED", drop).statusCode(201);
        link(r1, "CAUSED", index).statusCode(201);
        link(block, "RESPONDS_TO", r1).statusCode(201);
        link(far, "FOLLOWS_UP", block).statusCode(201);

        given().when().get("/api/v1/events/" + drop + "/related").then().statusCode(200)
                .body("eventId", equalTo(drop)).body("depth", equalTo(1)).body("truncated", equalTo(false))
                .body("nodes.id", equalTo(List.of(drop, r1))).body("nodes.distance", equalTo(List.of(0, 1)))
                .body("edges", hasSize(1)).body("edges[0].from", equalTo(r1)).body("edges[0].to", equalTo(drop))
                .body("edges[0].type", equalTo("CAUSED"));
        given().queryParam("depth", 2).when().get("/api/v1/events/" + drop + "/related").then().statusCode(200)
                .body("nodes.id", equalTo(List.of(drop, r1, index, block))).body("nodes.distance", equalTo(List.of(0, 1, 2, 2)))
                .body("edges", hasSize(3));
        given().queryParam("depth", 3).when().get("/api/v1/events/" + drop + "/related").then()
                .body("nodes.id", equalTo(List.of(drop, r1, index, block, far))).body("edges", hasSize(4));
        given().queryParam("depth", 3).queryParam("type", "CAUSED").when().get("/api/v1/events/" + drop + "/related").then()
                .body("nodes.id", equalTo(List.of(drop, r1, index))).body("types", equalTo(List.of("CAUSED")));
        for (String depth : List.of("0", "4", "two")) {
            given().header(INVALID_ON_PURPOSE, "true").queryParam("depth", depth).when().get("/api/v1/events/" + drop + "/related")
                    .then().statusCode(400).body("errors[0].field", equalTo("depth"));
        }
        given().header(INVALID_ON_PURPOSE, "true").queryParam("type", "CAUSES").when().get("/api/v1/events/" + drop + "/related")
                .then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("deep", "2").when().get("/api/v1/events/" + drop + "/related")
                .then().statusCode(400).body("errors[0].field", equalTo("deep"));
        given().when().get("/api/v1/events/01a22356-0000-7000-8000-000000000000/related").then().statusCode(404);
    }

    @Test
    void deletingAnEventRemovesItsLinksInBothHistoriesAndRestoreBringsThemBack() {
        String kept = event("Kept", "2025-01-01");
        String deleted = event("Deleted", "2025-01-02");
        String gone = event("Gone for good", "2025-01-03");
        link(kept, "CAUSED", deleted).statusCode(201);
        link(deleted, "PART_OF", gone).statusCode(201);
        given().when().delete("/api/v1/events/" + deleted).then().statusCode(204);
        given().when().get("/api/v1/events/" + kept).then().body("links", empty()).body("version", equalTo(2));
        given().when().get("/api/v1/events/" + kept + "/history").then()
                .body("revisions.operation", equalTo(List.of("CREATE", "UPDATE", "UPDATE"))).body("revisions[2].state.links", empty());
        given().when().get("/api/v1/events/" + deleted + "/history").then()
                .body("revisions[-1].operation", equalTo("DELETE")).body("revisions[-1].state.links", hasSize(2));

        given().when().delete("/api/v1/events/" + gone).then().statusCode(204);
        given().when().post("/api/v1/events/" + deleted + "/restore").then().statusCode(409)
                .body("errors[0].field", startsWith("links[")).body("errors[0].message", containsString("restore it first"));
        given().when().get("/api/v1/events/" + deleted).then().statusCode(404);
        given().when().post("/api/v1/events/" + gone + "/restore").then().statusCode(200).body("links", empty());
        given().when().post("/api/v1/events/" + deleted + "/restore").then().statusCode(200)
                .body("links.relation", equalTo(List.of("CAUSED_BY", "PART_OF")));
        given().when().get("/api/v1/events/" + kept).then().body("links[0].relation", equalTo("CAUSED")).body("links[0].eventId",
                equalTo(deleted));
        given().when().get("/api/v1/events/" + gone + "/history").then().body("revisions.operation",
                equalTo(List.of("CREATE", "UPDATE", "UPDATE", "DELETE", "RESTORE", "UPDATE")));
    }

    @Test
    void whatGetGivesPutTakesBackWithItsLinksButLinksChangeOnlyThroughTheirOwnOperations() {
        String a = event("Echoed", "2025-01-01");
        String b = event("Other", "2025-01-02");
        link(a, "RESPONDS_TO", b).statusCode(201);
        Map<?, ?> saved = given().when().get("/api/v1/events/" + a).then().extract().as(Map.class);
        Map<String, Object> edited = new HashMap<>();
        saved.forEach((k, v) -> edited.put((String) k, v));
        edited.put("title", "Echoed and edited");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(edited).when().put("/api/v1/events/" + a)
                .then().statusCode(200).body("title", equalTo("Echoed and edited")).body("links", hasSize(1)).body("version", equalTo(2));
        edited.put("version", 2);
        edited.put("updatedAt", given().when().get("/api/v1/events/" + a).path("updatedAt"));
        edited.put("updatedBy", given().when().get("/api/v1/events/" + a).path("updatedBy"));
        edited.put("links", List.of());
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).header("If-Match", "\"2\"").body(edited)
                .when().put("/api/v1/events/" + a).then().statusCode(400).body("errors[0].field", equalTo("links"))
                .body("errors[0].message", containsString("/links"));
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").header("If-Match", "\"2\"")
                .body("{\"links\": []}").when().patch("/api/v1/events/" + a).then().statusCode(400)
                .body("errors[0].field", equalTo("links"));
        Map<String, Object> withLinks = TestData.event("Created with links");
        withLinks.put("links", List.of(Map.of("type", "CAUSED", "eventId", b)));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(withLinks).when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("links"));
        // What a client generated from the document sends for a field it was not given: no links to make, so a plain create.
        Map<String, Object> emptyLinks = TestData.event("Created with an empty list of links");
        emptyLinks.put("links", List.of());
        given().contentType(ContentType.JSON).body(emptyLinks).when().post("/api/v1/events").then().statusCode(201)
                .body("links", empty()).body("title", equalTo("Created with an empty list of links"));
        Map<String, Object> nullLinks = TestData.event("Created with null links");
        nullLinks.put("links", null);
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(nullLinks).when().post("/api/v1/events")
                .then().statusCode(201)
                .body("links", empty());
        given().when().get("/api/v1/events/" + a).then().body("links", hasSize(1)).body("version", equalTo(2));
    }

    @Test
    void anImportCarriesLinksByExternalIdAlsoToRowsFurtherDown() {
        String tag = "linked-import-" + System.nanoTime();
        String stored = event("Stored before", "2025-01-01");
        String json = """
                [{"type": "PRODUCT_LAUNCH", "occurredOn": "2025-01-20", "title": "Release", "tags": ["%1$s"], "externalId": "%1$s-r1",
                  "links": [{"type": "CAUSED", "externalId": "%1$s-drop", "note": "the market took it at its word"},
                            {"type": "FOLLOWS_UP", "eventId": "%2$s"}]},
                 {"type": "STOCK_MOVE", "occurredOn": "2025-01-27", "title": "Drop", "percentChange": -17, "tags": ["%1$s"],
                  "externalId": "%1$s-drop"}]""".formatted(tag, stored);
        given().contentType(ContentType.JSON).body(json).when().post("/api/v1/events/import").then().statusCode(200).body("created",
                equalTo(2));
        String release = given().queryParam("tag", tag).queryParam("sort", "occurredOn").when().get("/api/v1/events").then()
                .body("items[0].links.relation", equalTo(List.of("FOLLOWS_UP", "CAUSED")))
                .body("items[1].links.relation", equalTo(List.of("CAUSED_BY")))
                .body("items.version", equalTo(List.of(1, 1))).extract().path("items[0].id");
        given().when().get("/api/v1/events/" + release + "/history").then().body("revisions.operation",
                equalTo(List.of("CREATE", "UPDATE")));
        given().when().get("/api/v1/events/" + stored).then().body("links[0].relation", equalTo("FOLLOWED_UP_BY"));

        // An upsert adds the links its row names (keeping those it has); CSV carries them in a column.
        String csv = "type,occurredOn,title,percentChange,tags,externalId,links\r\n"
                + "STOCK_MOVE,2025-01-27,Drop,-17," + tag + "," + tag + "-drop,\"[{\"\"type\"\":\"\"RESTATES\"\",\"\"externalId\"\":\"\""
                + tag
                + "-r1\"\"}]\"\r\n";
        given().contentType("text/csv").queryParam("mode", "upsert").body(csv).when().post("/api/v1/events/import").then().statusCode(200)
                .body("updated", equalTo(1));
        given().queryParam("tag", tag).queryParam("sort", "occurredOn").when().get("/api/v1/events").then()
                .body("items[1].links.relation", equalTo(List.of("CAUSED_BY", "RESTATES")));
    }

    @Test
    void badLinksInAnImportAreNamedByRowAndNothingIsWritten() {
        String tag = "bad-links-" + System.nanoTime();
        String a = event("Stored A", "2025-01-01");
        String b = event("Stored B", "2025-01-02");
        link(a, "CAUSED", b).statusCode(201);
        String json = """
                [{"type": "OTHER", "occurredOn": "2025-01-01", "title": "Fine", "tags": ["%1$s"], "externalId": "%1$s-1"},
                 {"type": "OTHER", "occurredOn": "2025-01-02", "title": "To nowhere", "tags": ["%1$s"],
                  "links": [{"type": "CAUSED", "externalId": "%1$s-missing"}]},
                 {"type": "OTHER", "occurredOn": "2025-01-03", "title": "Itself", "tags": ["%1$s"], "externalId": "%1$s-3",
                  "links": [{"type": "CAUSED", "externalId": "%1$s-3"}]}]""".formatted(tag, a);
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(json).when().post("/api/v1/events/import")
                .then().statusCode(400).body("errors.row", equalTo(List.of(2, 3)))
                .body("errors.field", equalTo(List.of("links[0].externalId", "links[0].externalId")));
        given().queryParam("tag", tag).queryParam("withTotal", true).when().get("/api/v1/events").then().body("total", equalTo(0));
        // A link that cannot be read is a row error like any other, found with the rows' own errors.
        String unreadable = """
                [{"type": "OTHER", "occurredOn": "2025-01-04", "title": "Bad type", "tags": ["%1$s"],
                  "links": [{"type": "CAUSES", "eventId": "%2$s"}]},
                 {"type": "OTHER", "occurredOn": "2025-02-30", "title": "Bad date", "tags": ["%1$s"]}]""".formatted(tag, a);
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(unreadable).when().post("/api/v1/events/import")
                .then().statusCode(400).body("errors.row", equalTo(List.of(1, 2)))
                .body("errors.field", equalTo(List.of("links[0].type", "occurredOn")));

        // A cycle among a row's links and another row's: refused, nothing written.
        String cycle = """
                [{"type": "OTHER", "occurredOn": "2025-01-05", "title": "P", "tags": ["%1$s"], "externalId": "%1$s-p",
                  "links": [{"type": "CAUSED", "externalId": "%1$s-q"}]},
                 {"type": "OTHER", "occurredOn": "2025-01-06", "title": "Q", "tags": ["%1$s"], "externalId": "%1$s-q",
                  "links": [{"type": "CAUSED", "externalId": "%1$s-p"}]}]""".formatted(tag);
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(cycle).when().post("/api/v1/events/import")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.everyItem(equalTo("links[0].type")))
                .body("errors[0].message", containsString("cycle of CAUSED links"));
        given().queryParam("tag", tag).queryParam("withTotal", true).when().get("/api/v1/events").then().body("total", equalTo(0));

        // A cycle through stored links: an upserted row of a stored event may not close one either.
        String stored = """
                [{"type": "OTHER", "occurredOn": "2025-01-07", "title": "S1", "tags": ["%1$s-s"], "externalId": "%1$s-s1",
                  "links": [{"type": "CAUSED", "externalId": "%1$s-s2"}]},
                 {"type": "OTHER", "occurredOn": "2025-01-08", "title": "S2", "tags": ["%1$s-s"], "externalId": "%1$s-s2"}]"""
                .formatted(tag);
        given().contentType(ContentType.JSON).body(stored).when().post("/api/v1/events/import").then().statusCode(200);
        String closing = """
                [{"type": "OTHER", "occurredOn": "2025-01-08", "title": "S2 again", "tags": ["%1$s-s"], "externalId": "%1$s-s2",
                  "links": [{"type": "CAUSED", "externalId": "%1$s-s3"}]},
                 {"type": "OTHER", "occurredOn": "2025-01-09", "title": "S3", "tags": ["%1$s-s"], "externalId": "%1$s-s3",
                  "links": [{"type": "CAUSED", "externalId": "%1$s-s1"}]}]""".formatted(tag);
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).queryParam("mode", "upsert").body(closing)
                .when().post("/api/v1/events/import").then().statusCode(400).body("errors.row", org.hamcrest.Matchers.hasItem(1));
        given().queryParam("tag", tag + "-s").queryParam("sort", "occurredOn").when().get("/api/v1/events").then()
                .body("items.title", equalTo(List.of("S1", "S2"))).body("items.version", equalTo(List.of(1, 1)));
        link(b, "CAUSED", a).statusCode(409);
    }

    @Test
    void concurrentLinkWritesWaitForEachOtherAndNeverCloseACycleTogether() throws Exception {
        String hub = event("Hub of many", "2025-01-01");
        List<String> spokes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            spokes.add(event("Spoke " + i, "2025-01-02"));
        }
        String a = event("Either", "2025-01-03");
        String b = event("Or", "2025-01-04");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
        for (String spoke : spokes) {
            answers.add(pool.submit(() -> {
                start.await();
                return link(spoke, "PART_OF", hub).extract().statusCode();
            }));
        }
        List<java.util.concurrent.Future<Integer>> cycle = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean forth = i % 2 == 0;
            cycle.add(pool.submit(() -> {
                start.await();
                return link(forth ? a : b, "CAUSED", forth ? b : a).extract().statusCode();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get());
        }
        List<Integer> cycleStatuses = new ArrayList<>();
        for (var answer : cycle) {
            cycleStatuses.add(answer.get());
        }
        pool.shutdown();
        assertEquals(List.of(201), statuses.stream().distinct().toList(), "every spoke's link is made: " + statuses);
        given().when().get("/api/v1/events/" + hub).then().body("links", hasSize(12)).body("version", equalTo(12));
        assertEquals(1, cycleStatuses.stream().filter(code -> code == 201).count(), cycleStatuses.toString());
        assertEquals(7, cycleStatuses.stream().filter(code -> code == 409).count(), cycleStatuses.toString());
        given().when().get("/api/v1/events/" + a).then().body("links", hasSize(1)).body("version", equalTo(1));
    }

    // ---- helpers ----

    static String event(String title, String occurredOn) {
        Map<String, Object> body = TestData.event(title);
        body.put("occurredOn", occurredOn);
        return TestData.createEvent(body).path("id");
    }

    static ValidatableResponse link(String from, String type, String to) {
        return given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(Map.of("type", type, "eventId", to))
                .when().post("/api/v1/events/" + from + "/links").then();
    }

    private static void refused(String from, Map<String, Object> body, int status, String field, String words) {
        String before = given().when().get("/api/v1/events/" + from).then().extract().path("version").toString();
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body).when().post("/api/v1/events/" + from + "/links")
                .then().statusCode(status).body("errors.field", org.hamcrest.Matchers.hasItem(field))
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString(words)));
        assertEquals(before, given().when().get("/api/v1/events/" + from).then().extract().path("version").toString(),
                "a refused link changed nothing");
    }
}
