package dev.chipevents.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/**
 * Nothing acknowledged is lost: writes under load, the process killed with SIGKILL, a restart, and
 * every write that got a 2xx is there whole. And SIGTERM lets in-flight requests finish.
 */
class DurabilityIT {

    private static final String ADMIN_KEY = "durability-admin-" + System.nanoTime();
    private static final RestAssuredConfig SHORT_TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 2000).setParam("http.socket.timeout", 10000));

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        Path data = Files.createTempDirectory("chip-events-crash");
        Map<String, String> env = Map.of("CHIP_EVENTS_ADMIN_KEY", ADMIN_KEY);
        String run = "crash" + System.nanoTime();
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        try (PackagedApp app = PackagedApp.startFresh(data, env)) {
            String amazon = given().baseUri(app.baseUri()).queryParam("q", "amazon").when().get("/api/v1/companies").path("items[0].id");
            String anthropic =
                    given().baseUri(app.baseUri()).queryParam("q", "anthropic").when().get("/api/v1/companies").path("items[0].id");
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            for (int t = 0; t < 6; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String title = run + " " + thread + "-" + i;
                        String body = "{\"type\": \"INVESTMENT\", \"occurredOn\": \"2024-11-22\", \"title\": \"" + title + "\","
                                + " \"amount\": 4000000000, \"amountKind\": \"INVESTMENT\", \"currency\": \"USD\", \"tags\": [\"" + run
                                + "\", \"ai\"],"
                                + " \"participants\": [{\"companyId\": \"" + amazon + "\", \"role\": \"INVESTOR\"},"
                                + " {\"companyId\": \"" + anthropic + "\", \"role\": \"RECIPIENT\"}]}";
                        try {
                            Response r = given().config(SHORT_TIMEOUTS).baseUri(app.baseUri()).header("X-API-Key", ADMIN_KEY)
                                    .contentType("application/json").body(body).when().post("/api/v1/events");
                            if (r.statusCode() == 201) {
                                acknowledged.put(r.path("id"), title);
                            }
                        } catch (Exception connectionLost) {
                            return;
                        }
                    }
                });
            }
            Thread.sleep(4000);
            app.kill();
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        assertTrue(acknowledged.size() > 20, "too few writes before the kill: " + acknowledged.size());
        try (PackagedApp app = PackagedApp.start(data, env)) {
            for (Map.Entry<String, String> write : acknowledged.entrySet()) {
                given().baseUri(app.baseUri()).when().get("/api/v1/events/" + write.getKey())
                        .then().statusCode(200).body("title", equalTo(write.getValue()))
                        .body("participants", hasSize(2)).body("tags", hasSize(2));
            }
            int stored = given().baseUri(app.baseUri()).queryParam("tag", run).queryParam("withTotal", true).queryParam("limit", 1)
                    .when().get("/api/v1/events").then().statusCode(200).extract().path("total");
            // A write in flight at the kill may have committed without its answer: never fewer, at most a few more.
            assertTrue(stored >= acknowledged.size() && stored <= acknowledged.size() + 6,
                    "stored " + stored + ", acknowledged " + acknowledged.size());
        }
    }

    @Test
    void sigtermLetsInFlightRequestsFinish() throws Exception {
        Path data = Files.createTempDirectory("chip-events-term");
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failuresBeforeStop = new ConcurrentLinkedQueue<>();
        // Closed (stopped, if still running) however the test ends, so that a failure leaves no app behind.
        try (PackagedApp app = PackagedApp.startFresh(data, Map.of("CHIP_EVENTS_ADMIN_KEY", ADMIN_KEY))) {
            // One request first, alone: a cold client or app is not what this test is about.
            given().baseUri(app.baseUri()).queryParam("format", "csv").when().get("/api/v1/events").then().statusCode(200);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicBoolean stopping = new AtomicBoolean(false);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            for (int t = 0; t < 8; t++) {
                int thread = t;
                pool.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        try {
                            Response r = thread % 2 == 0
                                    ? given().config(SHORT_TIMEOUTS).baseUri(app.baseUri()).queryParam("format", "csv").when()
                                            .get("/api/v1/events")
                                    : given().config(SHORT_TIMEOUTS).baseUri(app.baseUri()).header("X-API-Key", ADMIN_KEY)
                                            .contentType("application/json")
                                            .body("{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"term " + i + "\"}")
                                            .when().post("/api/v1/events");
                            statuses.add(r.statusCode());
                        } catch (Exception e) {
                            if (stopping.get()) {
                                return; // refused once the app stopped listening: expected
                            }
                            failuresBeforeStop.add(e.toString());
                            if (failuresBeforeStop.size() > 20) {
                                return;
                            }
                        }
                    }
                });
            }
            // Stop under load: once enough requests have been answered (a slow machine takes longer).
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (statuses.size() < 40 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            stopping.set(true);
            int exit = app.stop();
            running.set(false);
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            List<Integer> answered = new ArrayList<>(statuses);
            assertEquals(List.of(), List.copyOf(failuresBeforeStop), "requests that failed before the shutdown began");
            assertTrue(answered.size() >= 40, "too few requests: " + answered.size());
            assertEquals(List.of(), answered.stream().filter(s -> s >= 300).toList(), "non-2xx answers during shutdown");
            assertTrue(exit == 0 || exit == 143, "exit code " + exit + "\n" + app.log());
        }
    }
}
