package dev.chipevents.timeline;

import static dev.chipevents.support.CredentialsFilter.ANONYMOUS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** CHIP_EVENTS_TIMELINE_ENABLED=false: the page's paths answer a 404 problem that names the setting; the rest is unchanged. */
@QuarkusTest
@TestProfile(TimelineTurnedOffTest.TurnedOff.class)
class TimelineTurnedOffTest {

    public static class TurnedOff implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chip-events.timeline.enabled", "false");
        }
    }

    @Test
    void thePagesPathsAnswerANotFoundProblemNamingTheSetting() {
        for (String path : new String[]{ "/", "/index.html", "/timeline/main.js", "/timeline/timeline.css" }) {
            given().header(ANONYMOUS, "true")
                    .when().get(path)
                    .then().statusCode(404)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("urn:chip-events:problem:not-found"))
                    .body("status", equalTo(404))
                    .body("detail", containsString("CHIP_EVENTS_TIMELINE_ENABLED=false"))
                    .body("instance", equalTo(path));
        }
    }

    @Test
    void theApiAndSwaggerUiStillAnswer() {
        given().header(ANONYMOUS, "true").queryParam("limit", 1).when().get("/api/v1/events").then().statusCode(200);
        given().header(ANONYMOUS, "true").when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
