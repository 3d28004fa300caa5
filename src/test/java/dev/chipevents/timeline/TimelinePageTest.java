package dev.chipevents.timeline;

import static dev.chipevents.support.CredentialsFilter.ANONYMOUS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The timeline page is served at "/" with every file it loads, each under a Content-Security-Policy that
 * allows only the service's own scripts and styles, and nothing in those files needs more: no inline
 * script or style, no other host. Swagger UI and the API keep their own headers.
 */
@QuarkusTest
class TimelinePageTest {

    private static final Pattern REFERENCED = Pattern.compile("(?:src|href)=\"(timeline/[^\"]+)\"");
    private static final Pattern IMPORTED = Pattern.compile("^import [^;]*? from '\\./([^']+)';", Pattern.MULTILINE);
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s'\"<>)]*");
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    @Test
    void theRootIsThePageWithItsSecurityHeaders() {
        given().header(ANONYMOUS, "true")
                .when().get("/")
                .then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", TimelinePage.CONTENT_SECURITY_POLICY)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("style-src 'self'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-cache")
                .body(containsString("<script type=\"module\" src=\"timeline/main.js\"></script>"));
    }

    @Test
    void everyFileThePageLoadsIsServedWithTheSameHeaders() {
        Map<String, String> files = pageFiles();
        assertTrue(files.keySet().containsAll(List.of("timeline/main.js", "timeline/timeline.css", "timeline/icon.svg",
                "timeline/api.js", "timeline/chart.js", "timeline/store.js")), "files the page loads: " + files.keySet());
        files.forEach((path, contentType) -> assertTrue(
                contentType.startsWith(path.endsWith(".js") ? "text/javascript" : path.endsWith(".css") ? "text/css" : "image/svg+xml")
                        || contentType.startsWith("application/javascript"),
                path + " is served as " + contentType));
    }

    @Test
    void thePageNeedsNothingTheContentSecurityPolicyForbidsNorAnyOtherHost() {
        List<String> offences = new ArrayList<>();
        String index = body("/");
        check(offences, "/", index);
        if (Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(index).find()) {
            offences.add("/: an inline <script>");
        }
        if (index.contains("<style") || Pattern.compile("\\sstyle=").matcher(index).find()
                || Pattern.compile("\\son[a-z]+=").matcher(index).find()) {
            offences.add("/: an inline style or event handler attribute");
        }
        for (String path : pageFiles().keySet()) {
            String text = body("/" + path);
            check(offences, path, text);
            if (path.endsWith(".js")) {
                for (String forbidden : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                        "setAttribute('style'", ".style.", "localStorage", "sessionStorage", "document.cookie", "X-API-Key")) {
                    if (text.contains(forbidden)) {
                        offences.add(path + ": uses " + forbidden);
                    }
                }
            }
        }
        assertEquals(List.of(), offences);
    }

    /** Any absolute URL to another host, except the SVG namespace (a name, never fetched). */
    private static void check(List<String> offences, String path, String text) {
        Matcher url = URL.matcher(text);
        while (url.find()) {
            if (!url.group().equals(SVG_NAMESPACE) && !url.group().equals("//www.w3.org/2000/svg")) {
                offences.add(path + ": names another host: " + url.group());
            }
        }
    }

    @Test
    void swaggerUiAndTheApiKeepTheirOwnHeaders() {
        given().header(ANONYMOUS, "true")
                .when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .header("Content-Security-Policy", nullValue());
        given().header(ANONYMOUS, "true").queryParam("limit", 1)
                .when().get("/api/v1/events")
                .then().statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .header("Cache-Control", equalTo("private, no-cache"));
        given().header(ANONYMOUS, "true")
                .when().get("/not-the-page")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .header("Content-Security-Policy", nullValue());
    }

    /** Every file reachable from the index page (its src and href, then the modules' imports), with its content type. */
    private static Map<String, String> pageFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>();
        Matcher referenced = REFERENCED.matcher(body("/"));
        while (referenced.find()) {
            next.add(referenced.group(1));
        }
        while (!next.isEmpty()) {
            String path = next.pop();
            if (files.containsKey(path)) {
                continue;
            }
            var response = given().header(ANONYMOUS, "true").when().get("/" + path).then().statusCode(200)
                    .header("Content-Security-Policy", TimelinePage.CONTENT_SECURITY_POLICY)
                    .header("Cache-Control", "no-cache")
                    .extract();
            files.put(path, response.contentType());
            if (path.endsWith(".js")) {
                Matcher imported = IMPORTED.matcher(response.asString());
                while (imported.find()) {
                    next.add("timeline/" + imported.group(1));
                }
            }
        }
        return files;
    }

    private static String body(String path) {
        return given().header(ANONYMOUS, "true").when().get(path).then().statusCode(200).extract().asString();
    }
}
