package dev.chipevents.company;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.chipevents.support.TestData;

@QuarkusTest
class CompanyResourceTest {

    @Test
    void createsReadsReplacesPatchesAndDeletesACompany() {
        String name = TestData.unique("Fab");
        Map<String, Object> body = TestData.company(name);
        body.put("website", "https://example.com/fab");
        Response created = given().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/companies")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/companies/"))
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("segment", equalTo("FABLESS"))
                .body("website", equalTo("https://example.com/fab"))
                .body("version", equalTo(0))
                .extract().response();
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/v1/companies/" + id));

        given().when().get("/api/v1/companies/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").body("id", equalTo(id)).body("country", equalTo("US"));
        given().header("If-None-Match", "\"0\"").when().get("/api/v1/companies/" + id)
                .then().statusCode(304).header("ETag", "\"0\"");

        body.put("segment", "FOUNDRY");
        body.put("ticker", "FAB" + (System.nanoTime() % 100000));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .when().put("/api/v1/companies/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("segment", equalTo("FOUNDRY")).body("version", equalTo(1));

        given().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("{\"website\": null, \"exchange\": \"TWSE\"}")
                .when().patch("/api/v1/companies/" + id)
                .then().statusCode(200).header("ETag", "\"2\"")
                .body("website", nullValue()).body("exchange", equalTo("TWSE")).body("segment", equalTo("FOUNDRY"));

        given().header("If-Match", "\"1\"").when().delete("/api/v1/companies/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("status", equalTo(412));
        given().header("If-Match", "\"2\"").when().delete("/api/v1/companies/" + id).then().statusCode(204);
        given().when().get("/api/v1/companies/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not found")).body("detail", containsString(id));
    }

    @Test
    void namesAreUniqueRegardlessOfCaseAndTickersAreUnique() {
        String name = TestData.unique("Unique");
        Map<String, Object> body = TestData.company(name);
        String ticker = "U" + (System.nanoTime() % 1000000);
        body.put("ticker", ticker);
        TestData.createCompany(body);

        Map<String, Object> clash = TestData.company(name.toUpperCase());
        clash.put("ticker", ticker);
        given().contentType(ContentType.JSON).body(clash)
                .when().post("/api/v1/companies")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("ticker"));
    }

    @Test
    void refusesToDeleteACompanyThatEventsName() {
        String companyId = TestData.createCompany();
        String eventId = TestData.createEvent(TestData.eventWith("Named event", companyId)).path("id");
        given().when().delete("/api/v1/companies/" + companyId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("1 event"))
                .body("errors[0].message", containsString(eventId));
        given().when().get("/api/v1/companies/" + companyId).then().statusCode(200);
    }

    @Test
    void updatesNeedACurrentETag() {
        String id = TestData.createCompany();
        Map<String, Object> body = TestData.company(TestData.unique("Renamed"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(body).when().put("/api/v1/companies/" + id)
                .then().statusCode(428).contentType("application/problem+json").body("detail", containsString("If-Match"));
        given().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(body).when().put("/api/v1/companies/" + id)
                .then().statusCode(412).body("detail", containsString("\"0\""));
        given().header(INVALID_ON_PURPOSE, "true").contentType("application/merge-patch+json").body("{}").when()
                .patch("/api/v1/companies/" + id)
                .then().statusCode(428);
    }

    @Test
    void invalidCompaniesAreRefusedWithEveryFieldNamed() {
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"ticker\": \"lower\", \"country\": \"USA\", \"segment\": \"CHIPS\", \"website\": \"ftp://x\"}")
                .when().post("/api/v1/companies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:chip-events:problem:invalid-request"))
                .body("errors.field", hasItem("segment"));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"name\": \"\", \"ticker\": \"lower\", \"country\": \"USA\", \"segment\": \"OTHER\", \"website\": \"javascript:alert(1)\"}")
                .when().post("/api/v1/companies")
                .then().statusCode(400)
                .body("errors.field", equalTo(List.of("country", "name", "ticker", "website")));
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                .body("{\"name\": \"Server owned\", \"segment\": \"OTHER\", \"version\": 5}")
                .when().post("/api/v1/companies")
                .then().statusCode(400).body("errors[0].field", equalTo("version"))
                .body("errors[0].message", containsString("set by the server"));
    }

    @Test
    void listsCompaniesByNamePageByPageWithFilters() {
        String prefix = "Zeta " + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = TestData.company(prefix + " " + i);
            body.put("country", "KR");
            body.put("segment", "MEMORY");
            TestData.createCompany(body);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("q", prefix.toLowerCase()).queryParam("limit", 2).queryParam("country", "KR")
                    .queryParam("segment", "MEMORY").queryParam("withTotal", "true");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/companies")
                    .then().statusCode(200).body("total", equalTo(5)).body("items.country", everyItem(equalTo("KR")))
                    .extract().response();
            names.addAll(page.path("items.name"));
            cursor = page.path("nextCursor");
            if (cursor != null) {
                org.junit.jupiter.api.Assertions.assertTrue(page.header("Link").contains("rel=\"next\""), page.header("Link"));
            }
            pages++;
        } while (cursor != null);
        org.junit.jupiter.api.Assertions.assertEquals(3, pages);
        org.junit.jupiter.api.Assertions.assertEquals(List.of(prefix + " 0", prefix + " 1", prefix + " 2", prefix + " 3", prefix + " 4"),
                names);
    }

    @Test
    void refusesBadListParameters() {
        given().header(INVALID_ON_PURPOSE, "true").queryParam("limit", 0).queryParam("segmnt", "x")
                .when().get("/api/v1/companies")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("segmnt")));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("limit", 500).queryParam("segment", "chips")
                .when().get("/api/v1/companies")
                .then().statusCode(400).body("errors.field", hasItem("limit")).body("errors.field", hasItem("segment"));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("cursor", "garbage")
                .when().get("/api/v1/companies")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void starterCompaniesIncludeAMarketIndex() {
        given().queryParam("segment", "INDEX").when().get("/api/v1/companies")
                .then().statusCode(200).body("items.name", hasItem("Nasdaq Composite"))
                .body("items.ticker", hasItem("IXIC"));
        Set<String> seen = new HashSet<>(given().queryParam("q", "nvda").when().get("/api/v1/companies").path("items.name"));
        org.junit.jupiter.api.Assertions.assertTrue(seen.contains("Nvidia"), seen.toString());
        given().queryParam("q", "nvidia").when().get("/api/v1/companies")
                .then().body("items[0].id", notNullValue()).body("items[0].website", startsWith("https://"))
                .body("nextCursor", nullValue()).body("items", hasSize(1)).body("items[0].name", endsWith("Nvidia"));
    }
}
