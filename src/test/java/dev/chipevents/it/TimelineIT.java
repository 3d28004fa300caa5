package dev.chipevents.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import dev.chipevents.support.Browser;

/**
 * Issue 16's proof, in headless Chromium against the packaged app with the starter data: the timeline page
 * at "/" shows the ledger with no console error and no request to another host, narrows it by type, restores
 * a shared URL, shows an event's sources, says why a query was refused or why nothing is shown, works with
 * the keyboard and at a phone's width. It also leaves screenshots in target/screenshots (the README's comes
 * from there).
 */
class TimelineIT {

    private static final Duration PAGE = Duration.ofSeconds(60);
    private static final Dimension DESKTOP = new Dimension(1400, 1000);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final String NVIDIA_LOSES = "Nvidia loses 589 billion USD of market value in a day";
    private static final String NASDAQ_DOWN = "The Nasdaq ends the day down about 3 percent";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Browser browser;
    private static PackagedApp app;
    private int consoleBefore;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(); // first: without a browser the test is skipped before the app starts
        app = PackagedApp.startFresh(Files.createTempDirectory("chip-events-timeline"), Map.of());
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

    @BeforeEach
    void desktop() {
        driver().manage().window().setSize(DESKTOP);
        consoleBefore = browser.consoleMessages().size();
    }

    @AfterEach
    void nothingFromAnotherHost() {
        browser.assertRequestsOnlyTo("localhost");
    }

    @Test
    void theStarterDataIsOnTheTimelineWithTheEventsOf27January2025() throws Exception {
        open("");
        assertTrue(text("#status").contains("24 events in view, of 24 matching"), text("#status"));
        List<String> titles = listTitles();
        assertTrue(titles.containsAll(List.of(NVIDIA_LOSES, NASDAQ_DOWN)), "the list: " + titles);
        assertEquals(3, driver().findElements(By.cssSelector("#events-list time[datetime='2025-01-27']")).size());

        // Both 27 January events are marks on the timeline, stacked one above the other, not overlapping.
        WebElement nvidia = mark(idOf(NVIDIA_LOSES));
        WebElement nasdaq = mark(idOf(NASDAQ_DOWN));
        assertTrue(nvidia.getDomAttribute("class").contains("type-STOCK_MOVE"), nvidia.getDomAttribute("class"));
        assertFalse(overlap(nvidia, nasdaq), "the two marks of 27 January 2025 overlap");
        assertEquals(24, driver().findElements(By.cssSelector("#timeline .mark")).size());
        // Events dated to a month are spans; the counts per month are bars beside the axis.
        assertFalse(driver().findElements(By.cssSelector("#timeline .mark.span")).isEmpty(), "no month drawn as a span");
        assertFalse(driver().findElements(By.cssSelector("#bars .bar rect")).isEmpty(), "no bars of /events/stats");
        assertEquals("Events per month in view", text("#stats-caption"));
        assertNoNewConsoleErrors();
    }

    @Test
    void filteringByTypeLeavesOnlyStockMovesAndTheBackButtonUndoesIt() {
        open("");
        driver().findElement(By.cssSelector("#types summary")).click();
        driver().findElement(By.cssSelector("input[name='type'][value='STOCK_MOVE']")).click();
        driver().findElement(By.cssSelector("#filters button[type='submit']")).click();
        settle();
        assertTrue(driver().getCurrentUrl().endsWith("/?type=STOCK_MOVE"), driver().getCurrentUrl());
        assertEquals(List.of("STOCK_MOVE", "STOCK_MOVE"), listTypes());
        List<WebElement> marks = driver().findElements(By.cssSelector("#timeline .mark"));
        assertEquals(2, marks.size());
        marks.forEach(m -> assertTrue(m.getDomAttribute("class").contains("type-STOCK_MOVE"), m.getDomAttribute("class")));
        assertEquals("Stock move", text("#types-summary"));

        driver().navigate().back();
        settle();
        assertFalse(driver().getCurrentUrl().contains("type="), driver().getCurrentUrl());
        assertEquals(24, listTypes().size());
        assertFalse(driver().findElement(By.cssSelector("input[name='type'][value='STOCK_MOVE']")).isSelected());
        assertNoNewConsoleErrors();
    }

    @Test
    void aSharedUrlRestoresTheSameView() {
        open("?type=STOCK_MOVE,PRODUCT_LAUNCH,EXPORT_CONTROL");
        WebElement timeline = driver().findElement(By.id("timeline"));
        timeline.sendKeys("+");
        settle();
        timeline.sendKeys(Keys.ARROW_RIGHT);
        settle();
        driver().findElements(By.cssSelector("#events-list a")).get(0).click();
        browser.await(PAGE).until(d -> d.getCurrentUrl().contains("view=") && d.getCurrentUrl().contains("event="));
        awaitDetails();
        Map<String, Object> shown = snapshot();
        String url = driver().getCurrentUrl();

        String original = driver().getWindowHandle();
        driver().switchTo().newWindow(WindowType.TAB);
        try {
            driver().get(url);
            settle();
            awaitDetails();
            assertEquals(shown, snapshot(), "the view at " + url);
        } finally {
            driver().close();
            driver().switchTo().window(original);
        }
        assertNoNewConsoleErrors();
    }

    @Test
    void clickingAnEventShowsItsDetailsAndSources() {
        String id = idOf(NVIDIA_LOSES);
        open("?view=2025-01-20..2025-01-31");
        mark(id).findElement(By.cssSelector("rect")).click();
        awaitDetails();
        assertTrue(driver().getCurrentUrl().contains("event=" + id), driver().getCurrentUrl());
        assertEquals(NVIDIA_LOSES, text("#details-title"));
        assertEquals("details-title", driver().switchTo().activeElement().getDomAttribute("id"), "focus moves to the details");
        String details = text("#details");
        for (String expected : List.of("27 January 2025", "exact day", "589,000,000,000 USD", "Market value loss", "Change", "−16.97 %",
                "Nvidia", "Subject", "GZERO Media", "deepseek", "RELATED EVENTS",
                "Caused by: DeepSeek releases its open-source R1 reasoning model")) {
            assertTrue(details.contains(expected), "the details lack '" + expected + "': " + details);
        }
        WebElement source = driver().findElement(By.cssSelector("#details a[rel~='external']"));
        assertEquals("https://www.gzeromedia.com/", source.getDomAttribute("href"));
        assertEquals("What DeepSeek means for the US-China AI war", source.getText());
        assertTrue(source.getDomAttribute("rel").contains("noopener"), source.getDomAttribute("rel"));
        assertTrue(mark(id).getDomAttribute("class").contains("selected"));

        driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.await(PAGE).until(d -> !d.findElement(By.id("details")).isDisplayed());
        assertFalse(driver().getCurrentUrl().contains("event="), driver().getCurrentUrl());
        assertNoNewConsoleErrors();
    }

    /** What an amount measures and the event's links, as the API answers them (here: the page's own module, fed an event). */
    @Test
    void theDetailsShowWhatAnAmountMeasuresAndTheRelatedEventsWhenTheEventHasThem() {
        open("");
        Object shown = driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/timeline/details.js').then(({ detailsOf }) => {
                  const event = {
                    id: 'e1', type: 'STOCK_MOVE', occurredOn: '2025-01-27', datePrecision: 'DAY', title: 'A drop',
                    amount: 589000000000, currency: 'USD', amountKind: 'MARKET_VALUE_LOSS', participants: [], tags: [],
                    sources: [{ url: 'javascript:alert(1)', publisher: 'Not a link' }],
                    links: [{ linkId: 'l0', type: 'CAUSED', direction: 'INCOMING', relation: 'CAUSED_BY', eventId: 'e0',
                              title: 'DeepSeek releases R1', occurredOn: '2025-01-20', datePrecision: 'DAY' },
                            { linkId: 'l2', type: 'FOLLOWS_UP', direction: 'INCOMING', relation: 'FOLLOWED_UP_BY', eventId: 'e2',
                              title: 'The Nasdaq falls', occurredOn: '2025-01-27', datePrecision: 'DAY' }],
                  };
                  const box = document.createElement('div');
                  box.append(...detailsOf(event, change => '?event=' + change.event).filter(Boolean));
                  done({ text: box.textContent, links: [...box.querySelectorAll('a')].map(a => a.getAttribute('href')) });
                }, failure => done({ text: 'failed: ' + failure, links: [] }));""");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) shown;
        String text = (String) details.get("text");
        for (String expected : List.of("589,000,000,000 USD", "Market value loss", "Related events", "Caused by:", "DeepSeek releases R1",
                "20 Jan 2025", "Followed up by:", "The Nasdaq falls", "Not a link")) {
            assertTrue(text.contains(expected), "the details lack '" + expected + "': " + text);
        }
        assertEquals(List.of("?event=e0", "?event=e2", "/api/v1/events/e1"), details.get("links"), "a javascript: source is never a link");

        // Without them (an event with no amount kind and no links): no empty section, no "undefined".
        String without = (String) driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/timeline/details.js').then(({ detailsOf }) => {
                  const box = document.createElement('div');
                  box.append(...detailsOf({ id: 'e1', type: 'IPO', occurredOn: '2024-11-01', datePrecision: 'MONTH', title: 'A listing',
                    amount: 4500000000, currency: 'USD', participants: [], tags: [], sources: [] }, () => '?').filter(Boolean));
                  done(box.textContent);
                }, failure => done('failed: ' + failure));""");
        assertTrue(without.contains("November 2024 (dated to the month)"), without);
        assertFalse(without.contains("Related") || without.contains("Sources"), without);
        assertFalse(without.contains("undefined") || without.contains("null"), without);
        assertNoNewConsoleErrors();
    }

    @Test
    void aRefusedQueryShowsTheProblemsDetail() {
        open("");
        driver().findElement(By.id("filter-company")).sendKeys("Nvidai");
        driver().findElement(By.cssSelector("#filters button[type='submit']")).click();
        settle();
        String detail = given().baseUri(app.baseUri()).queryParam("company", "Nvidai")
                .when().get("/api/v1/events").then().statusCode(400).extract().path("detail");
        assertTrue(driver().findElement(By.id("problem")).isDisplayed());
        assertEquals(detail, text("#problem .problem-detail"));
        assertEquals("alert", driver().findElement(By.id("problem")).getDomAttribute("role"));
        assertEquals(0, listTypes().size());
        assertEquals(0, driver().findElements(By.cssSelector("#timeline .mark")).size());

        open("?from=2025-02-01&to=2025-01-01");
        assertTrue(text("#problem .problem-detail").contains("'from' must not be after 'to'"), text("#problem"));
        List<String> errors = newConsoleErrors().stream().filter(m -> !m.contains("status of 400")).toList();
        assertEquals(List.of(), errors, "console errors besides the refused requests");
    }

    @Test
    void anEmptyViewSaysWhyNothingIsShown() {
        open("?q=no-such-words-anywhere");
        assertTrue(driver().findElement(By.id("empty")).isDisplayed());
        assertTrue(text("#empty").contains("No event matches text “no-such-words-anywhere”"), text("#empty"));
        assertFalse(driver().findElement(By.id("problem")).isDisplayed());

        open("?view=2010-01-01..2010-12-31");
        assertTrue(text("#empty").contains("No matching event between 1 Jan 2010 and 31 Dec 2010"), text("#empty"));
        assertTrue(text("#empty").contains("The 24 that match run from 27 April 2020 to 30 January 2025"), text("#empty"));
        driver().findElement(By.cssSelector("#empty button")).click();
        settle();
        assertEquals(24, listTypes().size());
        assertFalse(driver().findElement(By.id("empty")).isDisplayed());
        assertNoNewConsoleErrors();
    }

    @Test
    void theKeyboardAndScreenReadersReachEverything() {
        open("?view=2025-01-20..2025-01-31");
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) driver().executeScript("""
                return [...document.querySelectorAll('input, button, summary, a[href], [tabindex]')]
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
                  .map(e => e.outerHTML.slice(0, 100));""");
        assertEquals(List.of(), unnamed, "controls without an accessible name");
        assertEquals("true", driver().findElement(By.cssSelector("#timeline svg")).getDomAttribute("aria-hidden"));

        driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertEquals("Skip to the list of events", driver().switchTo().activeElement().getText());

        // The timeline takes the keyboard: + zooms in, arrows move.
        String range = text("#view-range");
        WebElement timeline = driver().findElement(By.id("timeline"));
        timeline.sendKeys("+");
        settle();
        String zoomed = text("#view-range");
        assertNotEquals(range, zoomed);
        timeline.sendKeys(Keys.ARROW_LEFT);
        settle();
        assertNotEquals(zoomed, text("#view-range"));
        timeline.sendKeys(Keys.HOME);
        settle();

        // The list holds the events the timeline draws; Enter opens one, Escape comes back to it.
        List<String> listed =
                driver().findElements(By.cssSelector("#events-list a")).stream().map(a -> a.getDomAttribute("data-id")).sorted().toList();
        List<String> drawn =
                driver().findElements(By.cssSelector("#timeline .mark")).stream().map(m -> m.getDomAttribute("data-id")).sorted().toList();
        assertEquals(drawn, listed);
        WebElement link = driver().findElements(By.cssSelector("#events-list a")).get(1);
        String title = link.findElement(By.cssSelector(".title")).getText();
        link.sendKeys(Keys.ENTER);
        awaitDetails();
        assertEquals("details-title", driver().switchTo().activeElement().getDomAttribute("id"));
        assertEquals(title, text("#details-title"));
        driver().switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.await(PAGE).until(d -> !d.findElement(By.id("details")).isDisplayed());
        assertEquals(link.getDomAttribute("data-id"), driver().switchTo().activeElement().getDomAttribute("data-id"),
                "focus returns to the list entry");
        assertNoNewConsoleErrors();
    }

    @Test
    void aPhoneWidthScreenShowsThePageWithoutSidewaysScrolling() throws Exception {
        String story = "?view=2024-11-01..2025-02-10";
        open(story + "&event=" + idOf(NVIDIA_LOSES));
        awaitDetails();
        screenshot("timeline-desktop.png");

        driver().manage().window().setSize(PHONE);
        open(story);
        long pageWidth = (Long) driver().executeScript("return document.documentElement.scrollWidth");
        long viewport = (Long) driver().executeScript("return document.documentElement.clientWidth");
        assertTrue(pageWidth <= viewport, "the page is " + pageWidth + " pixels wide on a " + viewport + " pixel screen");
        assertTrue(driver().findElement(By.cssSelector("#timeline svg")).getSize().getWidth() <= viewport);
        assertTrue(driver().findElement(By.id("filter-company")).isDisplayed());
        assertFalse(driver().findElements(By.cssSelector("#timeline .mark")).isEmpty());
        screenshot("timeline-phone.png");
        assertNoNewConsoleErrors();
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static ChromeDriver driver() {
        return browser.driver();
    }

    private void open(String query) {
        driver().get(app.baseUri() + "/" + query);
        settle();
    }

    /** Waits until the page has loaded its view (it marks the timeline and the list aria-busy meanwhile). */
    private void settle() {
        browser.await(PAGE).until(d -> "false".equals(d.findElement(By.cssSelector("section.list")).getDomAttribute("aria-busy"))
                && "false".equals(d.findElement(By.cssSelector("section.chart")).getDomAttribute("aria-busy")));
    }

    private void awaitDetails() {
        browser.await(PAGE).until(d -> d.findElement(By.id("details")).isDisplayed()
                && !d.findElements(By.cssSelector("#details a[rel~='external']")).isEmpty());
    }

    private static String text(String css) {
        return driver().findElement(By.cssSelector(css)).getText();
    }

    private static WebElement mark(String id) {
        return driver().findElement(By.cssSelector("#timeline .mark[data-id='" + id + "']"));
    }

    private static List<String> listTitles() {
        return driver().findElements(By.cssSelector("#events-list .title")).stream().map(WebElement::getText).toList();
    }

    private static List<String> listTypes() {
        return driver().findElements(By.cssSelector("#events-list a")).stream().map(a -> a.getDomAttribute("data-type")).toList();
    }

    /** The id of a starter event of 27 January 2025. */
    private static String idOf(String title) {
        List<Map<String, Object>> events = given().baseUri(app.baseUri()).queryParam("from", "2025-01-27").queryParam("to", "2025-01-27")
                .when().get("/api/v1/events").then().statusCode(200).extract().path("items");
        return events.stream().filter(e -> title.equals(e.get("title"))).map(e -> (String) e.get("id")).findFirst().orElseThrow();
    }

    private static boolean overlap(WebElement a, WebElement b) {
        return (Boolean) driver().executeScript("""
                const [a, b] = [arguments[0].getBoundingClientRect(), arguments[1].getBoundingClientRect()];
                return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;""", a, b);
    }

    /** What a person sees: the range, the filters, the events listed and drawn, the open event. */
    private static Map<String, Object> snapshot() {
        return Map.of(
                "range", text("#view-range"),
                "types",
                driver().findElements(By.cssSelector("input[name='type']:checked")).stream().map(e -> e.getDomAttribute("value")).toList(),
                "list", listTitles(),
                "marks",
                driver().findElements(By.cssSelector("#timeline .mark")).stream().map(m -> m.getDomAttribute("data-id")).sorted().toList(),
                "details", text("#details-title"),
                "status", text("#status"));
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), driver().getScreenshotAs(OutputType.BYTES));
    }

    private List<String> newConsoleErrors() {
        List<String> all = browser.consoleMessages();
        return all.subList(consoleBefore, all.size()).stream().filter(m -> m.startsWith("SEVERE")).toList();
    }

    private void assertNoNewConsoleErrors() {
        assertEquals(List.of(), newConsoleErrors(), "the browser console logged errors");
    }
}
