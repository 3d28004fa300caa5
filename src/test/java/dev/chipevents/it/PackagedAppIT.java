package dev.chipevents.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

import dev.chipevents.support.ContractFilter;

/**
 * The packaged app, started twice on the same database: the starter dataset is there once, a
 * deleted starter event stays deleted, Swagger UI and the document are served, and each start logs
 * one summary line and no warning; a data folder may be named relative to the working directory; and a start with the
 * API and the management interface on one port is refused.
 */
class PackagedAppIT {

    private static final String ADMIN_KEY = "it-admin-key-" + System.nanoTime();
    private static final String DELETED = "seed-2025-01-30-italy-blocks-deepseek";

    @Test
    void loadsTheStarterDatasetOnceAcrossRestarts() throws Exception {
        Path data = Files.createTempDirectory("chip-events-data");
        List<String> first;
        try (PackagedApp app = PackagedApp.startFresh(data, Map.of("CHIP_EVENTS_ADMIN_KEY", ADMIN_KEY))) {
            first = seedIds(app);
            assertEquals(24, first.size(), "starter events after the first start: " + first);
            assertEquals(first.size(), first.stream().distinct().count());
            String id = eventIdOf(app, DELETED);
            given().baseUri(app.baseUri()).filter(ContractFilter.INSTANCE).header("X-API-Key", ADMIN_KEY)
                    .when().delete("/api/v1/events/" + id).then().statusCode(204);
            given().baseUri(app.baseUri()).when().get("/q/swagger-ui/")
                    .then().statusCode(200).body(containsString("swagger"));
            given().baseUri(app.baseUri()).when().get("/q/openapi")
                    .then().statusCode(200).body(containsString("Chip Events API"));
            given().baseUri(app.baseUri()).when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
            assertNettyThreadCachesOff(app);
            int exit = app.stop();
            assertTrue(exit == 0 || exit == 143, "exit code after SIGTERM: " + exit);
            String log = app.log();
            assertTrue(log.contains("Chip Events holds 24 events and 23 companies. Writes are enabled (an admin key is set)."
                    + " Swagger UI: http://localhost:" + app.port() + "/q/swagger-ui; OpenAPI: http://localhost:" + app.port()
                    + "/q/openapi"),
                    "the start-up summary line:\n" + log);
            assertFalse(log.contains(ADMIN_KEY), "the admin key was logged");
            assertFalse(log.contains(" WARN "), "a normal start logs no warning:\n" + log);
        }
        try (PackagedApp app = PackagedApp.start(data, Map.of())) {
            List<String> second = seedIds(app);
            assertEquals(23, second.size(), "starter events after a restart: " + second);
            // Started without CHIP_EVENTS_ADMIN_KEY: reads work, writes say how to set it.
            given().baseUri(app.baseUri()).contentType("application/json").body("{\"name\": \"x\", \"segment\": \"OTHER\"}")
                    .when().post("/api/v1/companies")
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("detail", containsString("CHIP_EVENTS_ADMIN_KEY"))
                    .body("detail", containsString("started without it"));
            assertFalse(second.contains(DELETED), "a deleted starter event came back");
            assertTrue(app.log().contains("holds 23 events and 23 companies. Writes are possible only with keys created earlier"
                    + " (no CHIP_EVENTS_ADMIN_KEY)."), app.log());
            assertTrue(first.containsAll(second));
        }
    }

    /**
     * A data folder named relative to the working directory as anyone writes it (not "./..."), which H2 alone refuses as
     * "implicitly relative": the app starts on it and keeps its database there.
     */
    @Test
    void startsOnADataFolderNamedRelativeToTheWorkingDirectory() throws Exception {
        String jdbc = System.getenv("CHIP_EVENTS_IT_JDBC_URL");
        Assumptions.assumeTrue(jdbc == null || jdbc.isBlank(), "the H2 build's data folder (this build uses PostgreSQL)");
        String relative = "target/it-relative-data-" + System.nanoTime();
        try (PackagedApp app = PackagedApp.start(Path.of(relative), Map.of("CHIP_EVENTS_DATA_DIR", relative))) {
            given().baseUri(app.baseUri()).when().get("/api/v1/events?limit=1").then().statusCode(200).body("items.size()", equalTo(1));
        }
        assertTrue(Files.exists(Path.of(relative, "chip-events.mv.db")), "the database is in " + Path.of(relative).toAbsolutePath());
    }

    /**
     * The API and the management interface on one port: Vert.x would share the socket and answer every other connection
     * to the API 404 while health said ready. The start is refused with the two settings named, and nothing listens.
     */
    @Test
    void refusesToStartWithTheApiAndTheManagementInterfaceOnOnePort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = Files.createTempDirectory("chip-events-data");
        Map<String, String> env = Map.of("QUARKUS_HTTP_PORT", String.valueOf(port), "QUARKUS_MANAGEMENT_PORT", String.valueOf(port));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PackagedApp.startFresh(data, env).close());
        assertTrue(refused.getMessage().startsWith("The app exited with 1:"), refused.getMessage());
        assertTrue(refused.getMessage().contains("The API and the management interface are both set to port " + port
                + " (QUARKUS_HTTP_PORT or PORT, and QUARKUS_MANAGEMENT_PORT): they need different ports"), refused.getMessage());
        try (ServerSocket again = new ServerSocket(port)) {
            assertEquals(port, again.getLocalPort(), "the refused app left its port free");
        }
    }

    /**
     * The launcher turns off Netty's per-thread buffer caches (they held ~200 MB of direct memory under load); the
     * allocator's metrics report each cache's configured size, 256 and 64 entries when left on.
     */
    private static void assertNettyThreadCachesOff(PackagedApp app) {
        String metrics = given().baseUri(app.managementUri()).when().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> caches = metrics.lines().filter(l -> l.startsWith("netty_allocator_pooled_cache_size{")).toList();
        assertEquals(4, caches.size(), "small and normal caches of both pooled allocators:\n" + caches);
        assertTrue(caches.stream().allMatch(l -> l.endsWith("} 0.0")), "every thread cache is off:\n" + caches);
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("netty_allocator_memory_used{") && l.contains("memory_type=\"direct\"")),
                "the direct memory in use is a metric");
    }

    private static List<String> seedIds(PackagedApp app) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().baseUri(app.baseUri()).filter(ContractFilter.INSTANCE).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get("/api/v1/events").then().statusCode(200).extract().response();
            List<String> externalIds = page.path("items.externalId");
            externalIds.stream().filter(e -> e != null && e.startsWith("seed-")).forEach(ids::add);
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return ids;
    }

    private static String eventIdOf(PackagedApp app, String externalId) {
        List<Map<String, Object>> items =
                given().baseUri(app.baseUri()).filter(ContractFilter.INSTANCE).queryParam("tag", "privacy").queryParam("limit", 200)
                        .when().get("/api/v1/events").then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> externalId.equals(i.get("externalId"))).map(i -> (String) i.get("id")).findFirst()
                .orElseThrow(() -> new AssertionError(externalId + " not found"));
    }
}
