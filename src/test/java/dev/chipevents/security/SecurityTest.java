package dev.chipevents.security;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static dev.chipevents.support.CredentialsFilter.ANONYMOUS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.apache.http.params.CoreProtocolPNames;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

import dev.chipevents.support.TestData;

/** Who may write: every write operation in the OpenAPI document, with every kind of credential. */
@QuarkusTest
class SecurityTest {

    private static final String ISSUER = "https://test-issuer.chip-events";

    /** One write operation as the document lists it. */
    record Operation(String method, String path, String operationId) {
    }

    @Test
    void everyWriteOperationInTheDocumentNeedsTheRightRole() throws Exception {
        List<Operation> writes = writeOperations();
        assertTrue(writes.size() >= 10, "write operations found: " + writes);
        String reader = TestData.createKey("reader");
        String editor = TestData.createKey("editor");
        String revoked = TestData.createKey("admin");
        String revokedId = keyIdOf(revoked);
        given().when().delete("/api/v1/api-keys/" + revokedId).then().statusCode(204);

        for (Operation op : writes) {
            String context = op.method() + " " + op.path();
            send(op, given().header(ANONYMOUS, "true").header(INVALID_ON_PURPOSE, "true"))
                    .then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("X-API-Key"))
                    .body("detail", containsString("CHIP_EVENTS_ADMIN_KEY"));
            send(op, given().header("X-API-Key", reader)).then().statusCode(403).contentType("application/problem+json")
                    .body("title", equalTo("Forbidden"));
            send(op, given().header("X-API-Key", revoked).header(INVALID_ON_PURPOSE, "true"))
                    .then().statusCode(401).body("detail", containsString("revoked"));
            String rightRole = needsAdmin(op) ? TestData.ADMIN_KEY : editor;
            int status = send(op, given().header("X-API-Key", rightRole)).then().extract().statusCode();
            assertTrue(status >= 200 && status < 300, context + " with the right role answered " + status);
            if (needsAdmin(op)) {
                send(op, given().header("X-API-Key", editor)).then().statusCode(403);
            }
        }
    }

    @Test
    void readsNeedNoCredentials() {
        given().header(ANONYMOUS, "true").when().get("/api/v1/events").then().statusCode(200)
                .header("Cache-Control", "private, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Server", nullValue());
    }

    @Test
    void keysAreListedWithoutSecretsAndRecordWhoChangedEvents() {
        String editor = TestData.createKey("editor");
        String editorId = keyIdOf(editor);
        String body = given().queryParam("limit", 200).when().get("/api/v1/api-keys").then().statusCode(200)
                .body("items.key", everyItem(nullValue()))
                .extract().asString();
        assertTrue(TestData.allKeys().stream().anyMatch(k -> editorId.equals(k.get("id"))), "the new key is listed");
        assertFalse(body.contains(editor), "a secret was listed");
        Response created = given().header("X-API-Key", editor).contentType(ContentType.JSON).body(TestData.event("Made by a key"))
                .when().post("/api/v1/events").then().statusCode(201)
                .body("createdBy", equalTo(TestData.changedByKey(editor))).body("updatedBy", equalTo(TestData.changedByKey(editor)))
                .body("createdBy", containsString(editorId))
                .header("RateLimit-Limit", notNullValue()).header("RateLimit-Remaining", notNullValue())
                .header("Cache-Control", "no-store")
                .extract().response();
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"summary\": \"admin was here\"}")
                .when().patch("/api/v1/events/" + created.path("id"))
                .then().statusCode(200).body("createdBy", equalTo(TestData.changedByKey(editor)))
                .body("updatedBy", equalTo("bootstrap-admin"));
    }

    @Test
    void bearerTokensAreVerified() throws Exception {
        var trusted = KeyUtils.readPrivateKey("jwt/test-private-key.pem");
        var other = KeyUtils.readPrivateKey("jwt/other-private-key.pem");
        String good = Jwt.issuer(ISSUER).subject("alice@example.com").audience("chip-events").groups(Set.of("editor"))
                .expiresIn(300).sign(trusted);
        given().header("Authorization", "Bearer " + good).contentType(ContentType.JSON).body(TestData.event("Made with a token"))
                .when().post("/api/v1/events").then().statusCode(201).body("createdBy", equalTo("alice@example.com"));
        String readerToken =
                Jwt.issuer(ISSUER).subject("bob").audience("chip-events").groups(Set.of("reader")).expiresIn(300).sign(trusted);
        given().header("Authorization", "Bearer " + readerToken).contentType(ContentType.JSON).body(TestData.event("x"))
                .when().post("/api/v1/events").then().statusCode(403);

        Instant past = Instant.now().minusSeconds(3600);
        List<String> refused = List.of(
                Jwt.issuer(ISSUER).subject("alice").audience("chip-events").groups(Set.of("admin")).issuedAt(past.minusSeconds(60))
                        .expiresAt(past).sign(trusted),
                Jwt.issuer(ISSUER).subject("alice").audience("chip-events").groups(Set.of("admin")).expiresIn(300).sign(other),
                Jwt.issuer("https://someone-else.example").subject("alice").audience("chip-events").groups(Set.of("admin"))
                        .expiresIn(300).sign(trusted),
                Jwt.issuer(ISSUER).subject("alice").audience("another-api").groups(Set.of("admin")).expiresIn(300).sign(trusted),
                "not.a.token");
        for (String token : refused) {
            given().header("Authorization", "Bearer " + token).header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON)
                    .body(TestData.event("Must not be written"))
                    .when().post("/api/v1/events")
                    .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        }
        given().queryParam("q", "must not be written").when().get("/api/v1/events").then().body("items.size()", equalTo(0));
    }

    @Test
    void oversizedBodiesAndHeadersAreRefused() {
        String huge =
                "{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"x\", \"summary\": \"" + "a".repeat(1_100_000) + "\"}";
        // As curl sends bodies over 1 MB: Expect: 100-continue, so the refusal comes before the body. A client that sends
        // the whole body unasked may meet the closed connection (a broken pipe) before it reads the 413.
        given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam(CoreProtocolPNames.USE_EXPECT_CONTINUE, true)))
                .header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/events")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413))
                .body("detail", containsString("1048576 bytes"));
        given().header(INVALID_ON_PURPOSE, "true").header("X-Padding", "p".repeat(20_000))
                .when().get("/api/v1/events").then().statusCode(431);
    }

    @Test
    void keyRequestsAreValidated() {
        given().header(INVALID_ON_PURPOSE, "true").contentType(ContentType.JSON).body(Map.of("name", "x", "role", "owner"))
                .when().post("/api/v1/api-keys")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().when().delete("/api/v1/api-keys/01a22356-0000-7000-8000-000000000000").then().statusCode(404);
    }

    private static boolean needsAdmin(Operation op) {
        return op.method().equals("delete") || op.path().startsWith("/api/v1/api-keys") || op.path().endsWith("/restore")
                || op.path().endsWith("/import");
    }

    /** Sends the operation with a fresh target and a valid body, whatever the credentials. */
    private static Response send(Operation op, RequestSpecification request) {
        switch (op.operationId()) {
            case "createEvent" -> {
                return request.contentType(ContentType.JSON).body(TestData.event(TestData.unique("Secured"))).post(op.path());
            }
            case "replaceEvent" -> {
                return request.contentType(ContentType.JSON).header("If-Match", "\"0\"").body(TestData.event("Replaced"))
                        .put(op.path().replaceAll("\\{[^}]+}", newEvent()));
            }
            case "patchEvent" -> {
                return request.contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"summary\": \"s\"}")
                        .patch(op.path().replaceAll("\\{[^}]+}", newEvent()));
            }
            case "deleteEvent" -> {
                return request.delete(op.path().replaceAll("\\{[^}]+}", newEvent()));
            }
            case "restoreEvent" -> {
                String id = newEvent();
                given().when().delete("/api/v1/events/" + id).then().statusCode(204);
                return request.post(op.path().replaceAll("\\{[^}]+}", id));
            }
            case "createEventLink" -> {
                return request.contentType(ContentType.JSON).body(Map.of("type", "RESPONDS_TO", "eventId", newEvent()))
                        .post(op.path().replace("{eventId}", newEvent()));
            }
            case "deleteEventLink" -> {
                String from = newEvent();
                String linkId = given().contentType(ContentType.JSON).body(Map.of("type", "RESPONDS_TO", "eventId", newEvent()))
                        .when().post("/api/v1/events/" + from + "/links").then().statusCode(201).extract().path("linkId");
                return request.delete(op.path().replace("{eventId}", from).replace("{linkId}", linkId));
            }
            case "importEvents" -> {
                return request.contentType(ContentType.JSON)
                        .body("[{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Imported\"}]").post(op.path());
            }
            case "createCompany" -> {
                return request.contentType(ContentType.JSON).body(TestData.company(TestData.unique("Secured"))).post(op.path());
            }
            case "replaceCompany" -> {
                return request.contentType(ContentType.JSON).header("If-Match", "\"0\"").body(TestData.company(TestData.unique("Replaced")))
                        .put(op.path().replaceAll("\\{[^}]+}", newCompany()));
            }
            case "patchCompany" -> {
                return request.contentType("application/merge-patch+json").header("If-Match", "\"0\"").body("{\"exchange\": \"NYSE\"}")
                        .patch(op.path().replaceAll("\\{[^}]+}", newCompany()));
            }
            case "deleteCompany" -> {
                return request.delete(op.path().replaceAll("\\{[^}]+}", newCompany()));
            }
            case "createApiKey" -> {
                return request.contentType(ContentType.JSON).body(Map.of("name", "made in a test", "role", "reader")).post(op.path());
            }
            case "revokeApiKey" -> {
                return request.delete(op.path().replaceAll("\\{[^}]+}", keyIdOf(TestData.createKey("reader"))));
            }
            default -> {
                fail("The document has a write operation this test does not know: " + op + ". Add how to call it here.");
                return null;
            }
        }
    }

    private static String newEvent() {
        return TestData.createEvent(TestData.event(TestData.unique("Target"))).path("id");
    }

    private static String newCompany() {
        return TestData.createCompany();
    }

    private static String keyIdOf(String secret) {
        return (String) TestData.keyOf(secret).get("id");
    }

    private static List<Operation> writeOperations() throws Exception {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi", "openapi.yaml").toFile());
        List<Operation> writes = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (Set.of("post", "put", "patch", "delete").contains(method.getKey())) {
                    writes.add(new Operation(method.getKey(), path.getKey(), method.getValue().get("operationId").asText()));
                }
            }
        }
        return writes;
    }
}
