package dev.chipevents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.chipevents.support.Browser;

/**
 * A frontend on another origin calls the API with the browser's own fetch(), as a frontend app does: a read, and a
 * write with an API key and a JSON body (a preflighted request), reading the headers a client needs (ETag, Location,
 * Link). The page is served by a small server of the test's on another port, so the browser enforces CORS for real.
 */
class CrossOriginFetchIT {

    private static final String ADMIN_KEY = "it-admin-key-" + UUID.randomUUID();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Browser browser;
    private static PackagedApp app;
    private static HttpServer frontend;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(); // first: without a browser the test is skipped before the app starts
        app = PackagedApp.startFresh(Files.createTempDirectory("chip-events-cross-origin"), Map.of("CHIP_EVENTS_ADMIN_KEY", ADMIN_KEY));
        frontend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        frontend.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>A frontend</title><p>elsewhere</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        frontend.start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (frontend != null) {
                frontend.stop(0);
            }
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    @Test
    void aPageOnAnotherOriginReadsAndWritesWithFetch() throws Exception {
        String origin = "http://127.0.0.1:" + frontend.getAddress().getPort();
        browser.driver().get(origin + "/");
        String api = app.baseUri() + "/api/v1";
        JsonNode read = fetch("""
                const answer = await fetch(arguments[0] + '/events?type=STOCK_MOVE&limit=1');
                const body = await answer.json();
                return {status: answer.status, etag: answer.headers.get('ETag'), link: answer.headers.get('Link'),
                        count: body.items.length, type: body.items[0].type};
                """, api);
        assertEquals(200, read.path("status").asInt(), read.toString());
        assertEquals(1, read.path("count").asInt(), read.toString());
        assertEquals("STOCK_MOVE", read.path("type").asText(), read.toString());
        assertTrue(read.path("link").asText().contains("rel=\"next\""), "Link is readable across origins: " + read);

        JsonNode written = fetch("""
                const answer = await fetch(arguments[0] + '/companies', {method: 'POST',
                    headers: {'Content-Type': 'application/json', 'X-API-Key': arguments[1]},
                    body: JSON.stringify({name: 'Cross-origin Foundry', country: 'JP', segment: 'FOUNDRY'})});
                const body = await answer.json();
                return {status: answer.status, location: answer.headers.get('Location'), etag: answer.headers.get('ETag'),
                        id: body.id, name: body.name};
                """, api, ADMIN_KEY);
        assertEquals(201, written.path("status").asInt(), written.toString());
        assertEquals("Cross-origin Foundry", written.path("name").asText());
        assertTrue(written.path("location").asText().endsWith("/api/v1/companies/" + written.path("id").asText()), written.toString());
        assertTrue(written.path("etag").asText().matches("\"\\d+\""), "ETag is readable across origins: " + written);

        JsonNode refused = fetch("""
                const answer = await fetch(arguments[0] + '/companies', {method: 'POST',
                    headers: {'Content-Type': 'application/json'}, body: '{}'});
                const body = await answer.json();
                return {status: answer.status, type: answer.headers.get('Content-Type'), title: body.title};
                """, api);
        assertEquals(401, refused.path("status").asInt(), "a problem a page can read, not a CORS failure: " + refused);
        assertTrue(refused.path("type").asText().startsWith("application/problem+json"), refused.toString());
        assertTrue(browser.consoleMessages().stream().noneMatch(m -> m.contains("CORS")), "CORS errors: " + browser.consoleMessages());
    }

    /** Runs an async function body in the page (arguments[0..]), returning what it returns, or the error it threw. */
    private static JsonNode fetch(String body, Object... arguments) throws Exception {
        String script = "const done = arguments[arguments.length - 1];\n"
                + "(async function() {\n" + body + "\n}).apply(null, Array.prototype.slice.call(arguments, 0, -1))"
                + ".then(r => done(JSON.stringify(r)), e => done(JSON.stringify({error: String(e)})));";
        Object answer = browser.driver().executeAsyncScript(script, arguments);
        return JSON.readTree(String.valueOf(answer));
    }
}
