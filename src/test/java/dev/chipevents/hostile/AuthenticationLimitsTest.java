package dev.chipevents.hostile;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import dev.chipevents.support.TestData;

/**
 * The failed-authentication limit refuses further failures from an address, never a valid credential; behind
 * a trusted proxy (here loopback) the address is the one the proxy forwarded, not what the client claims.
 */
@QuarkusTest
@TestProfile(HostileProfile.class)
class AuthenticationLimitsTest {

    @Test
    void afterTooManyFailuresFurtherFailuresGet429AndValidKeysStillWork() {
        String client = "203.0.113.10";
        for (int i = 0; i < HostileProfile.FAILURES_PER_MINUTE; i++) {
            write(client, "X-API-Key", "wrong-" + i).statusCode(401);
        }
        write(client, "X-API-Key", "wrong-again").statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("detail", containsString("failed authentications"));
        write(client, "Authorization", "Bearer not.a.token").statusCode(429);
        write(client, "X-API-Key", TestData.ADMIN_KEY).statusCode(201);
        String editor = TestData.createKey("editor");
        write(client, "X-API-Key", editor).statusCode(201);
        given().header("X-Forwarded-For", client).when().get("/api/v1/api-keys").then().statusCode(200);
    }

    @Test
    void theAddressIsTheOneTheTrustedProxyForwardedNotOneTheClientWrote() {
        String attacker = "203.0.113.20";
        for (int i = 0; i <= HostileProfile.FAILURES_PER_MINUTE; i++) {
            // a new made-up address each time, left of the one the proxy appends: still one client
            given().header(INVALID_ON_PURPOSE, "true").header("X-Forwarded-For", "198.51.100." + i + ", " + attacker)
                    .header("X-API-Key", "guess-" + i).contentType(ContentType.JSON).body(TestData.event("x"))
                    .when().post("/api/v1/events").then().statusCode(i < HostileProfile.FAILURES_PER_MINUTE ? 401 : 429);
        }
        given().header(INVALID_ON_PURPOSE, "true").header("Forwarded", "for=" + attacker).header("X-API-Key", "guess")
                .contentType(ContentType.JSON).body(TestData.event("x")).when().post("/api/v1/events").then().statusCode(429);
        write("203.0.113.21", "X-API-Key", "an honest typo").statusCode(401);
    }

    private static ValidatableResponse write(String forwardedFor, String header, String credentials) {
        return given().header(INVALID_ON_PURPOSE, "true").header("X-Forwarded-For", forwardedFor).header(header, credentials)
                .contentType(ContentType.JSON).body(TestData.event(TestData.unique("Limited")))
                .when().post("/api/v1/events").then();
    }
}
