package dev.chipevents.security;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static dev.chipevents.support.CredentialsFilter.ANONYMOUS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.chipevents.support.TestData;

/** With chip-events.security.reads-require-reader=true, reads need the reader role too. */
@QuarkusTest
@TestProfile(ReadsRequireReaderTest.ClosedReads.class)
class ReadsRequireReaderTest {

    public static class ClosedReads implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chip-events.security.reads-require-reader", "true");
        }
    }

    @Test
    void anonymousReadsGet401AndAReaderKeyReads() {
        given().header(ANONYMOUS, "true").header(INVALID_ON_PURPOSE, "true").when().get("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json").body("detail", containsString("reader"));
        String reader = TestData.createKey("reader");
        given().header("X-API-Key", reader).queryParam("limit", 1).when().get("/api/v1/events")
                .then().statusCode(200).body("items.size()", equalTo(1));
    }
}
