package dev.chipevents.hostile;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/**
 * Clients that send a body one byte at a time hold a connection, never a worker thread: the service keeps
 * answering, and each slow body is ended with a 408 problem after chip-events.http.body-timeout.
 */
@QuarkusTest
@TestProfile(HostileProfile.class)
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 300;
    private static final RestAssuredConfig TWO_SECONDS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 2_000).setParam("http.socket.timeout", 2_000));

    @Test
    void slowBodiesDoNotStallTheServiceAndEndWithA408() throws Exception {
        String editor = TestData.createKey("editor");
        for (int i = 0; i < 3; i++) { // warm: the bound below is about slow clients, not a cold JIT
            given().queryParam("limit", 1).when().get("/api/v1/events").then().statusCode(200);
            given().contentType(ContentType.JSON).body(TestData.company(TestData.unique("Warm"))).when().post("/api/v1/companies");
        }
        List<Socket> slow = new ArrayList<>();
        try {
            long opened = System.nanoTime();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = RawHttp.connect();
                socket.getOutputStream().write(("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + editor
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.ISO_8859_1));
                slow.add(socket);
            }
            for (int second = 0; second < 2; second++) {
                Thread.sleep(1_000);
                drip(slow);
                answersDuringTheStall();
            }
            long waited = (System.nanoTime() - opened) / 1_000_000;
            Thread.sleep(Math.max(0, HostileProfile.BODY_TIMEOUT_SECONDS * 1_000L + 1_500 - waited));
            int timedOut = 0;
            for (Socket socket : slow) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                RawHttp.Answer answer = RawHttp.read(in);
                MalformedRequestsTest.assertProblem(answer, 408, "a slow body");
                assertEquals("close", answer.header("Connection"));
                assertEquals(-1, in.read(), "the connection is closed after the 408");
                timedOut++;
            }
            assertEquals(SLOW_CLIENTS, timedOut);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void aBodyThatArrivesInTimeIsTakenEvenInPieces() throws Exception {
        String body = TestData.event(TestData.unique("In pieces")).entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"").reduce((a, b) -> a + ", " + b).map(s -> "{" + s + "}")
                .orElseThrow();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = RawHttp.connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + TestData.ADMIN_KEY
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            int half = bytes.length / 2;
            out.write(bytes, 0, half);
            out.flush();
            Thread.sleep(1_000);
            out.write(bytes, half, bytes.length - half);
            out.flush();
            RawHttp.Answer answer = RawHttp.read(socket.getInputStream());
            assertEquals(201, answer.status(), answer.body());
        }
    }

    /** The service answers: a list within one second, health and a write within the two-second client timeout. */
    private static void answersDuringTheStall() {
        assertAnswersWithinOneSecond(() -> given().config(TWO_SECONDS).queryParam("limit", 1).when().get("/api/v1/events")
                .then().statusCode(200));
        given().config(TWO_SECONDS).when().get("/q/health/ready").then().statusCode(200);
        given().config(TWO_SECONDS).contentType(ContentType.JSON).body(TestData.company(TestData.unique("Busy")))
                .when().post("/api/v1/companies").then().statusCode(201);
    }

    private static void drip(List<Socket> sockets) throws IOException {
        for (Socket socket : sockets) {
            socket.getOutputStream().write(' ');
        }
    }

    private static void assertAnswersWithinOneSecond(Runnable request) {
        long start = System.nanoTime();
        request.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1_000, "answered after " + millis + " ms while slow clients were connected");
    }
}
