package dev.chipevents.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.chipevents.support.Browser;

/**
 * The timeline page over 100,000 events (bulk-imported into an empty database of its own): it draws the first
 * view from a bounded number of one-page requests instead of the table, continues with the list's cursor on
 * "Load more", completes a zoomed-in month, and its main thread is never blocked long while it does.
 */
class TimelineLargeDataIT {

    private static final String ADMIN_KEY = "it-admin-key-" + UUID.randomUUID();
    private static final int EVENTS = 100_000;
    private static final int CHUNK = 25_000;
    private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2025, 12, 31);
    private static final String[] TYPES = { "STOCK_MOVE", "IPO", "GOVERNMENT_AWARD", "EXPORT_CONTROL", "POLICY", "REGULATORY_ACTION",
            "INVESTMENT", "ACQUISITION", "PARTNERSHIP", "PRODUCT_LAUNCH", "MANUFACTURING", "OTHER" };
    /** As the page's store.js: one view holds at most this many events until "Load more", in pages of at most 200. */
    private static final int VIEW_BUDGET = 1000;
    private static final int PAGE_SIZE = 200;
    private static final Duration VIEW = Duration.ofSeconds(60);
    private static final long MOST_BLOCKED_MS = 1000;

    private static Browser browser;
    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(); // first: without a browser the test is skipped before the app starts
        app = PackagedApp.startFresh(Files.createTempDirectory("chip-events-timeline-large"),
                Map.of("CHIP_EVENTS_ADMIN_KEY", ADMIN_KEY, "CHIP_EVENTS_STARTER_DATASET_ENABLED", "false"));
        importEvents();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (app != null) {
                app.close();
            }
        }
    }

    /** 100,000 events spread evenly over 26 years (about ten a day), every 97th dated to a month, in four imports. */
    private static void importEvents() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        long days = ChronoUnit.DAYS.between(FIRST, LAST);
        for (int from = 0; from < EVENTS; from += CHUNK) {
            StringBuilder rows = new StringBuilder("[");
            for (int i = from; i < from + CHUNK; i++) {
                LocalDate day = FIRST.plusDays(i * days / EVENTS);
                String type = TYPES[i % TYPES.length];
                boolean month = i % 97 == 0;
                rows.append(i == from ? "" : ",").append("{\"type\":\"").append(type)
                        .append("\",\"occurredOn\":\"").append(month ? day.withDayOfMonth(1) : day)
                        .append(month ? "\",\"datePrecision\":\"MONTH" : "")
                        .append("\",\"title\":\"Synthetic event ").append(i).append('"')
                        .append("STOCK_MOVE".equals(type) ? ",\"percentChange\":-1.5" : "").append('}');
            }
            rows.append(']');
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(app.baseUri() + "/api/v1/events/import"))
                    .header("X-API-Key", ADMIN_KEY).header("Content-Type", "application/json").timeout(Duration.ofMinutes(3))
                    .POST(HttpRequest.BodyPublishers.ofString(rows.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body().length() > 500 ? answer.body().substring(0, 500) : answer.body());
        }
    }

    @Test
    void thePageLoadsInPagesAndStaysResponsive() {
        long started = System.nanoTime();
        driver().get(app.baseUri() + "/");
        watchTheMainThread();
        settle();
        long firstView = elapsedMs(started);

        // The first view spans the 26 years: it holds one budget of events, says so, and offers more.
        assertEquals("Showing 1,000 of 100,000 events in view, the most recent first: zoom in, or load more.", text("#status"));
        assertEquals(VIEW_BUDGET, listed());
        assertTrue(driver().findElement(By.id("load-more")).isDisplayed());
        assertFalse(driver().findElements(By.cssSelector("#timeline .unloaded")).isEmpty(), "the days not loaded are not marked");
        List<URI> pages = eventPages();
        assertTrue(pages.size() <= VIEW_BUDGET / PAGE_SIZE + 2, "requests for one view: " + pages);
        assertTrue(pages.stream().anyMatch(u -> u.getQuery().contains("cursor=")), "the view was not loaded with the cursor: " + pages);

        // Load more continues the same windows with their cursors, one budget further.
        int before = pages.size();
        driver().findElement(By.id("load-more")).click();
        settle();
        assertEquals(2 * VIEW_BUDGET, listed());
        List<URI> more = eventPages().subList(before, eventPages().size());
        assertFalse(more.isEmpty());
        assertTrue(more.stream().allMatch(u -> u.getQuery().contains("cursor=")), "Load more started over: " + more);

        // Zooming in five times from decades to months: every view comes in pages, never the table.
        WebElement timeline = driver().findElement(By.id("timeline"));
        long slowestZoom = 0;
        for (int i = 0; i < 5; i++) {
            long zoom = System.nanoTime();
            int requested = eventPages().size();
            timeline.sendKeys("+");
            settle();
            slowestZoom = Math.max(slowestZoom, elapsedMs(zoom));
            List<URI> view = eventPages().subList(requested, eventPages().size());
            // the view's budget, and as much again for the margins that make moving smooth
            assertTrue(view.size() <= 2 * VIEW_BUDGET / PAGE_SIZE, "requests for one zoom: " + view);
        }
        assertTrue(listed() <= 2 * VIEW_BUDGET, listed() + " events listed");

        // A month is complete: every one of its events, and nothing left to load.
        driver().get(app.baseUri() + "/?view=2010-03-01..2010-03-31");
        watchTheMainThread();
        settle();
        int march = Integer.parseInt(given().baseUri(app.baseUri()).queryParam("from", "2010-03-01").queryParam("to", "2010-03-31")
                .queryParam("limit", 1).queryParam("withTotal", true)
                .when().get("/api/v1/events").then().statusCode(200).extract().path("total").toString());
        assertTrue(march > 300, "events in March 2010: " + march);
        assertEquals(march, listed());
        assertFalse(driver().findElement(By.id("load-more")).isDisplayed());
        assertTrue(text("#status").startsWith(String.format(Locale.ENGLISH, "%,d events in view, of 100,000 matching", march)),
                text("#status"));

        long blocked = blockedMs();
        for (URI page : eventPages()) {
            String query = page.getQuery();
            int limit = Integer.parseInt(query.replaceAll(".*\\blimit=(\\d+).*", "$1"));
            assertTrue(limit <= PAGE_SIZE, "a request for more than a page: " + page);
            assertTrue(limit == 1 || (query.contains("from=") && query.contains("to=")), "a request without a date window: " + page);
        }
        System.out.printf(
                "Timeline over %,d events: first view %d ms, slowest zoom %d ms, main thread blocked at most %d ms, %d event pages%n",
                EVENTS, firstView, slowestZoom, blocked, eventPages().size());
        assertTrue(blocked < MOST_BLOCKED_MS, "the page's main thread was blocked for " + blocked + " ms");
        browser.assertNoConsoleErrors();
        browser.assertRequestsOnlyTo("localhost");
    }

    private static ChromeDriver driver() {
        return browser.driver();
    }

    private static void settle() {
        browser.await(VIEW).until(d -> "false".equals(d.findElement(By.cssSelector("section.list")).getDomAttribute("aria-busy"))
                && "false".equals(d.findElement(By.cssSelector("section.chart")).getDomAttribute("aria-busy")));
    }

    /** A timer that notes how late it fires: the longest the page kept the main thread busy. */
    private static void watchTheMainThread() {
        driver().executeScript("""
                window.blockedMs = 0;
                let last = performance.now();
                setInterval(() => {
                  const now = performance.now();
                  window.blockedMs = Math.max(window.blockedMs, now - last - 50);
                  last = now;
                }, 50);""");
    }

    private static long blockedMs() {
        return Math.round(((Number) driver().executeScript("return window.blockedMs")).doubleValue());
    }

    private static List<URI> eventPages() {
        return browser.requests().stream().filter(u -> "/api/v1/events".equals(u.getPath())).toList();
    }

    private static int listed() {
        return driver().findElements(By.cssSelector("#events-list a")).size();
    }

    private static String text(String css) {
        return driver().findElement(By.cssSelector(css)).getText();
    }

    private static long elapsedMs(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
