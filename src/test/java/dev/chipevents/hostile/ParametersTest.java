package dev.chipevents.hostile;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/** Every operation refuses parameters it does not take and repeated ones, as the lists always did; imports run a few at a time. */
@QuarkusTest
class ParametersTest {

    @Test
    void unknownParametersAreRefusedEverywhere() {
        String id = TestData.createEvent(TestData.event("Asked oddly")).path("id");
        given().header(INVALID_ON_PURPOSE, "true").queryParam("zzz", 1).when().get("/api/v1/events/" + id + "/history")
                .then().statusCode(400).body("errors[0].field", equalTo("zzz"))
                .body("errors[0].message", containsString("takes none"));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("zzz", 1).contentType(ContentType.JSON)
                .body(TestData.event("Never written")).when().post("/api/v1/events")
                .then().statusCode(400).body("errors[0].field", equalTo("zzz"));
        given().queryParam("q", "never written").when().get("/api/v1/events").then().body("items.size()", equalTo(0));
        given().header(INVALID_ON_PURPOSE, "true").queryParam("asof", "2025-01-01T00:00:00Z").when().get("/api/v1/events/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("asof")).body("errors[0].message", containsString("asOf"));
    }

    @Test
    void aParameterTakenOnceIsRefusedTwice() {
        given().header(INVALID_ON_PURPOSE, "true").queryParam("mode", "upsert", "insert").contentType(ContentType.JSON)
                .body("[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Twice\"}]")
                .when().post("/api/v1/events/import")
                .then().statusCode(400).body("errors[0].field", equalTo("mode")).body("errors[0].message", containsString("at most once"));
    }

    @Test
    void aThirdImportWhileTwoAreReceivingAnswers429() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket socket = RawHttp.connect();
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/events/import HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + TestData.ADMIN_KEY
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n[").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                slow.add(socket);
            }
            Thread.sleep(500);
            given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                    .body("[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Third\"}]")
                    .when().post("/api/v1/events/import")
                    .then().statusCode(429).contentType("application/problem+json").header("Retry-After", equalTo("10"))
                    .body("detail", containsString("2 imports are running"));
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        // The slow ones ended: imports run again once the server has noticed.
        int status = 0;
        for (int attempt = 0; attempt < 50 && status != 200; attempt++) {
            Thread.sleep(200);
            status = given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                    .body("[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"After\"}]")
                    .when().post("/api/v1/events/import").then().extract().statusCode();
        }
        org.junit.jupiter.api.Assertions.assertEquals(200, status, "an import after the slow ones ended");
    }
}
