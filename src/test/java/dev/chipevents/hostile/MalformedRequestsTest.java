package dev.chipevents.hostile;

import static dev.chipevents.support.ContractFilter.INVALID_ON_PURPOSE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.chipevents.support.TestData;

/** Requests no well-behaved client sends: each gets an RFC 9457 problem, never a 500, an empty body or a stack. */
@QuarkusTest
class MalformedRequestsTest {

    private static final String KEY = "X-API-Key: " + TestData.ADMIN_KEY + "\r\n";

    @Test
    void aMalformedContentTypeIsA400NotA500() throws IOException {
        for (String type : List.of("garbage", "application", "application/", "/json", "a/b/c", ";")) {
            for (String target : List.of("POST /api/v1/events", "GET /api/v1/companies", "GET /api/v1/events/stats?groupBy=month",
                    "GET /api/v1/api-keys")) {
                String body = target.startsWith("POST") ? "{}" : "";
                RawHttp.Answer answer = RawHttp.exchange(target + " HTTP/1.1\r\nHost: localhost\r\n" + KEY + "Content-Type: " + type
                        + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body);
                assertProblem(answer, 400, target + " with Content-Type " + type);
                assertEquals("Content-Type", answer.json("/errors/0/field"));
            }
        }
        RawHttp.Answer accept =
                RawHttp.exchange("GET /api/v1/companies HTTP/1.1\r\nHost: localhost\r\nAccept: /json\r\nConnection: close\r\n\r\n");
        assertProblem(accept, 400, "Accept: /json");
    }

    @Test
    void aRequestWithoutHostIsA400Problem() throws IOException {
        for (String target : List.of("/api/v1/events?limit=1", "/api/v1/companies?limit=1")) {
            RawHttp.Answer http10 = RawHttp.exchange("GET " + target + " HTTP/1.0\r\n\r\n");
            assertProblem(http10, 400, "HTTP/1.0 without Host");
            assertEquals("Host", http10.json("/errors/0/field"));
            RawHttp.Answer http11 = RawHttp.exchange("GET " + target + " HTTP/1.1\r\nConnection: close\r\n\r\n");
            assertProblem(http11, 400, "HTTP/1.1 without Host");
            assertEquals("Host", http11.json("/errors/0/field"));
        }
        RawHttp.Answer withHost = RawHttp.exchange("GET /api/v1/events?limit=1 HTTP/1.0\r\nHost: localhost\r\n\r\n");
        assertEquals(200, withHost.status(), withHost.body());
        assertTrue(withHost.header("Link").startsWith("<http://localhost"), withHost.header("Link"));
    }

    @Test
    void oversizedTargetsAndHeadersAndMalformedEscapesAreProblems() throws IOException {
        RawHttp.Answer longTarget = RawHttp.exchange("GET /api/v1/events?q=" + "a".repeat(5_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(longTarget, 414, "a 5 KB target");
        RawHttp.Answer veryLongTarget = RawHttp.exchange("GET /api/v1/events?q=" + "a".repeat(40_000)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertProblem(veryLongTarget, 414, "a 40 KB target");
        RawHttp.Answer bigHeaders = RawHttp.exchange("GET /api/v1/events HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                + "p".repeat(20_000) + "\r\nConnection: close\r\n\r\n");
        assertProblem(bigHeaders, 431, "20 KB of headers");
        for (String target : List.of("/api/v1/events?q=%zz", "/api/v1/events?q=%", "/api/v1/events?q=a%20b%2", "/api/v1/events?q={x}",
                "/api/v1/events/%zz")) {
            RawHttp.Answer escape = RawHttp.exchange("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertProblem(escape, 400, target);
        }
        Response restAssured = given().header(INVALID_ON_PURPOSE, "true").header("X-Padding", "p".repeat(20_000))
                .when().get("/api/v1/events");
        assertEquals(431, restAssured.statusCode());
        assertTrue(restAssured.contentType().startsWith("application/problem+json"));
    }

    @Test
    void bodiesOverTheLimitAre413ProblemsDeclaredOrChunked() throws IOException {
        RawHttp.Answer declared = RawHttp.exchange("POST /api/v1/events/import HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: application/json\r\nContent-Length: 314572800\r\n\r\n[]");
        assertProblem(declared, 413, "an import declaring 300 MB");
        RawHttp.Answer declaredEvent = RawHttp.exchange("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\n" + KEY
                + "Content-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{");
        assertProblem(declaredEvent, 413, "an event declaring 2 MB");

        String event = "{\"type\": \"OTHER\", \"occurredOn\": \"2025-01-01\", \"title\": \"Chunked\", \"summary\": \"";
        assertProblem(chunked(event + "a".repeat(2_000_000) + "\"}"), 413, "a 2 MB chunked string");
        assertProblem(chunked(event + "x\"}" + " ".repeat(3_000_000)), 413, "3 MB of trailing whitespace, chunked");
        RawHttp.Answer small = chunked(event + "x\"}");
        assertEquals(201, small.status(), small.body());
    }

    /** Sends the body chunked in 64 KB pieces, as far as the server reads it, and returns the answer. */
    private static RawHttp.Answer chunked(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = RawHttp.connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/events HTTP/1.1\r\nHost: localhost\r\n" + KEY + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (int at = 0; at < bytes.length; at += 65_536) {
                    int size = Math.min(65_536, bytes.length - at);
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(bytes, at, size);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedByServer) {
                // the server answered and closed before the whole body was sent: read that answer
            }
            return RawHttp.read(new java.io.BufferedInputStream(socket.getInputStream()));
        }
    }

    static void assertProblem(RawHttp.Answer answer, int status, String what) {
        assertEquals(status, answer.status(), what + ": " + answer.body());
        assertNotNull(answer.header("Content-Type"), what + " has no Content-Type");
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), what + ": " + answer.header("Content-Type"));
        assertEquals(String.valueOf(status), answer.json("/status"), what);
        for (String member : List.of("type", "title", "detail")) {
            assertNotNull(answer.json("/" + member), what + " lacks " + member);
        }
        assertFalse(answer.body().contains("Exception") || answer.body().contains("stack") || answer.body().contains("dev.chipevents"),
                what + " leaks internals: " + answer.body());
    }
}
