package dev.chipevents.it;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.restassured.http.ContentType;

import dev.chipevents.support.Browser;

/**
 * Issue 17's proof that a newcomer can use the API from Swagger UI as it stands: every read
 * operation answers 2xx with the page's own pre-filled values, and an editor key creates a company
 * and an event from the body examples, twice (the second time with a new name or title). Runs against
 * the packaged app in headless Chromium; the failure message lists every operation that did not work,
 * with what the page showed and what the console said.
 */
class SwaggerUiIT {

    private static final String ADMIN_KEY = "it-admin-key-" + UUID.randomUUID();
    private static final Duration PAGE = Duration.ofSeconds(60);
    private static final Duration ANSWER = Duration.ofSeconds(30);
    private static final Pattern STATUS = Pattern.compile("\\b([1-5]\\d\\d)\\b");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final By ANSWER_STATUS = By.cssSelector(".live-responses-table tr.response .response-col_status");
    private static final By INVALID = By.cssSelector(".parameters .invalid, .body-param .invalid");

    private static Browser browser;
    private static PackagedApp app;

    /** What the page showed after Execute. */
    record Outcome(String operation, int status, String shown, String request, List<String> console) {

        boolean succeeded() {
            return status >= 200 && status < 300 && console.stream().noneMatch(m -> m.startsWith("SEVERE"));
        }

        @Override
        public String toString() {
            return operation + " -> " + (status > 0 ? status : "no answer") + " " + shown.replace('\n', ' ')
                    + (request.isEmpty() ? "" : "\n      sent: " + request)
                    + (console.isEmpty() ? "" : "\n      console: " + console);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start(); // first: without a browser the test is skipped before the app starts
        app = PackagedApp.startFresh(Files.createTempDirectory("chip-events-swagger-ui"), Map.of("CHIP_EVENTS_ADMIN_KEY", ADMIN_KEY));
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

    @Test
    void everyReadOperationAnswers2xxWithThePagesDefaults() throws Exception {
        JsonNode document = JSON.readTree(given().baseUri(app.baseUri()).accept(ContentType.JSON)
                .when().get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> open = new ArrayList<>();
        List<String> keyed = new ArrayList<>();
        document.path("paths").forEach(path -> {
            JsonNode get = path.path("get");
            if (get.has("operationId")) {
                (needsCredentials(get) ? keyed : open).add(get.path("operationId").asText());
            }
        });
        assertTrue(open.size() >= 7, "read operations in the document: " + open);

        openSwaggerUi();
        List<Outcome> outcomes = new ArrayList<>();
        for (String operationId : open) {
            outcomes.add(tryItOut(operationId, null));
        }
        // Reads that need a key (the key list needs the admin role): authorized as the operator would be.
        authorize(ADMIN_KEY);
        for (String operationId : keyed) {
            outcomes.add(tryItOut(operationId, null));
        }
        assertAllSucceeded(outcomes);
    }

    @Test
    void anEditorCreatesACompanyAndAnEventFromTheExamplesTwice() throws Exception {
        String editorKey = given().baseUri(app.baseUri()).header("X-API-Key", ADMIN_KEY).contentType(ContentType.JSON)
                .body(Map.of("name", "swagger ui editor", "role", "editor"))
                .when().post("/api/v1/api-keys").then().statusCode(201).extract().path("key");

        openSwaggerUi();
        authorize(editorKey);
        List<Outcome> outcomes = new ArrayList<>();
        outcomes.add(tryItOut("createCompany", null));
        outcomes.add(tryItOut("createCompany", body -> body.put("name", "Swagger UI Company " + suffix())));
        outcomes.add(tryItOut("createEvent", null));
        outcomes.add(tryItOut("createEvent", body -> body.put("title", "Swagger UI event " + suffix())));
        assertAllSucceeded(outcomes);
    }

    private static boolean needsCredentials(JsonNode operation) {
        JsonNode security = operation.path("security");
        if (!security.isArray() || security.isEmpty()) {
            return false;
        }
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                return false; // an empty requirement: anonymous calls are allowed too
            }
        }
        return true;
    }

    /** One failure that lists every operation that did not work, and any request to another host. */
    private static void assertAllSucceeded(List<Outcome> outcomes) {
        List<String> failed = outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::toString).toList();
        List<URI> elsewhere = browser.requestsOutside("localhost");
        assertTrue(failed.isEmpty() && elsewhere.isEmpty(), failed.size() + " of " + outcomes.size()
                + " operations did not work in Swagger UI as they stand:\n  " + String.join("\n  ", failed)
                + (elsewhere.isEmpty() ? "" : "\nand the page requested other hosts than the app: " + elsewhere));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void openSwaggerUi() {
        browser.driver().get(app.baseUri() + "/q/swagger-ui/");
        browser.await(PAGE).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
    }

    /** Opens the dialog, logs out whoever is authorized, authorizes the API key and closes the dialog. */
    private void authorize(String key) {
        browser.driver().findElement(By.cssSelector(".auth-wrapper button.authorize")).click();
        WebElement dialog = browser.await(ANSWER).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        for (WebElement logout : dialog.findElements(By.xpath(".//button[normalize-space()='Logout']"))) {
            logout.click();
        }
        WebElement apiKey = browser.await(ANSWER).until(d -> dialog.findElements(By.cssSelector(".auth-container")).stream()
                .filter(c -> c.getText().contains("apiKey") && !c.findElements(By.cssSelector("input")).isEmpty())
                .map(c -> c.findElement(By.cssSelector("input")))
                .findFirst().orElse(null));
        apiKey.sendKeys(key);
        dialog.findElement(By.xpath(".//button[normalize-space()='Authorize']")).click();
        browser.await(ANSWER).until(d -> !dialog.findElements(By.xpath(".//button[normalize-space()='Logout']")).isEmpty());
        dialog.findElement(By.xpath(".//button[normalize-space()='Close']")).click();
        browser.await(ANSWER).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    /** A change to the example body before it is sent. */
    interface BodyEdit {

        void apply(ObjectNode body);
    }

    /**
     * Expands the operation, clicks "Try it out", optionally edits the example body, clicks
     * "Execute" and reads the status the page shows, with the console messages logged meanwhile.
     */
    private Outcome tryItOut(String operationId, BodyEdit edit) throws Exception {
        int consoleBefore = browser.consoleMessages().size();
        WebElement block = browser.driver().findElement(By.cssSelector(".opblock[id^='operations-'][id$='-" + operationId + "']"));
        String name = block.findElement(By.cssSelector(".opblock-summary-method")).getText() + " "
                + block.findElement(By.cssSelector(".opblock-summary-path")).getText().replace("\u200b", "") + " (" + operationId + ")";
        if (!block.getDomAttribute("class").contains("is-open")) {
            scrollTo(block.findElement(By.cssSelector(".opblock-summary"))).click();
        }
        List<WebElement> tryOut = browser.await(ANSWER).until(d -> {
            List<WebElement> buttons = block.findElements(By.cssSelector("button.try-out__btn"));
            return buttons.isEmpty() ? null : buttons;
        });
        if (tryOut.get(0).getText().contains("Try it out")) {
            scrollTo(tryOut.get(0)).click();
        }
        for (WebElement clear : block.findElements(By.cssSelector("button.btn-clear"))) {
            scrollTo(clear).click(); // a previous answer: gone before the next one is awaited
        }
        browser.await(ANSWER).until(d -> block.findElements(By.cssSelector(".live-responses-table")).isEmpty());
        if (edit != null) {
            WebElement textarea = browser.await(ANSWER).until(d -> block.findElement(By.cssSelector("textarea.body-param__text")));
            ObjectNode body = (ObjectNode) JSON.readTree(textarea.getDomProperty("value"));
            edit.apply(body);
            scrollTo(textarea).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            textarea.sendKeys(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        }
        scrollTo(block.findElement(By.cssSelector("button.execute"))).click();
        // Three ways it ends: an answer is shown, a field is marked invalid, or the page fails before sending.
        try {
            browser.await(ANSWER).until(d -> !block.findElements(ANSWER_STATUS).isEmpty() || !block.findElements(INVALID).isEmpty()
                    || newConsole(consoleBefore).stream().anyMatch(SwaggerUiIT::isPageError));
        } catch (TimeoutException noAnswer) {
            return new Outcome(name, 0, "nothing shown within " + ANSWER, "", newConsole(consoleBefore));
        }
        if (block.findElements(ANSWER_STATUS).isEmpty()) {
            List<String> fields = block.findElements(INVALID).stream().map(SwaggerUiIT::parameterNameOf).toList();
            return new Outcome(name, 0, fields.isEmpty() ? "not sent: the page failed before sending (see console)"
                    : "not sent: Swagger UI marks these fields as empty or invalid: " + fields, "", newConsole(consoleBefore));
        }
        String status = block.findElement(ANSWER_STATUS).getText();
        Matcher code = STATUS.matcher(status);
        List<WebElement> bodies = block.findElements(By.cssSelector(".live-responses-table .response-col_description pre"));
        String shown = bodies.isEmpty() ? status : abbreviate(bodies.get(0).getText());
        // The page's curl equivalent shows the method, URL, headers and body it sent.
        List<WebElement> curl = block.findElements(By.cssSelector(".curl-command"));
        String sent = curl.isEmpty() ? ""
                : abbreviate(curl.get(0).getText().replaceFirst("^Curl\\s*", "").replaceAll("\\s*\\\\?\\s+", " ")
                        .replaceAll("X-API-Key: [^']*", "X-API-Key: ***"));
        return new Outcome(name, code.find() ? Integer.parseInt(code.group(1)) : 0, shown, sent, newConsole(consoleBefore));
    }

    /** An error of the page itself, not the console's note on a 4xx or 5xx answer. */
    private static boolean isPageError(String message) {
        return message.startsWith("SEVERE") && !message.contains("Failed to load resource");
    }

    private static String parameterNameOf(WebElement invalidField) {
        List<WebElement> row = invalidField.findElements(By.xpath("./ancestor::tr[1]//div[contains(@class,'parameter__name')]"));
        return row.isEmpty() ? "request body" : row.get(0).getText().replace("*", "").replace("required", "").trim();
    }

    /** Warnings and errors only: the rest of the log is noise for this test. */
    private List<String> newConsole(int from) {
        List<String> all = browser.consoleMessages();
        return all.subList(from, all.size()).stream().filter(m -> m.startsWith("SEVERE") || m.startsWith("WARNING"))
                .map(m -> abbreviate(m.lines().findFirst().orElse(m))).toList();
    }

    private WebElement scrollTo(WebElement element) {
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
