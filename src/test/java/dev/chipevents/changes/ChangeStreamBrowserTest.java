package dev.chipevents.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.chipevents.support.Browser;
import dev.chipevents.support.TestData;

/** A browser's own EventSource follows the changes and, when the server ends its stream, resumes by itself. */
@QuarkusTest
class ChangeStreamBrowserTest {

    @TestHTTPResource("/q/health/live")
    String page;

    @Inject
    ChangeFeed feed;

    @Test
    void anEventSourceResumesAfterTheServerEndsItsStreamAndMissesNothing() throws Exception {
        try (Browser browser = Browser.start()) {
            ChromeDriver driver = browser.driver();
            driver.get(page);
            driver.executeScript("""
                    window.got = []; window.opened = 0;
                    const source = new EventSource('/api/v1/changes');
                    source.onopen = () => window.opened++;
                    ['CREATE', 'UPDATE', 'DELETE', 'RESTORE'].forEach((op) => source.addEventListener(op,
                        (m) => window.got.push(m.lastEventId + ' ' + JSON.parse(m.data).id)));""");
            browser.await(Duration.ofSeconds(20)).until(d -> ((Number) driver.executeScript("return window.opened")).intValue() == 1);
            List<String> ids = new ArrayList<>();
            ids.add(TestData.createEvent(TestData.event("Browser 1")).path("id"));
            ids.add(TestData.createEvent(TestData.event("Browser 2")).path("id"));
            browser.await(Duration.ofSeconds(20)).until(d -> received(driver).size() == 2);

            feed.closeAll(); // as in a database outage: every stream ends
            ids.add(TestData.createEvent(TestData.event("Browser 3")).path("id"));
            ids.add(TestData.createEvent(TestData.event("Browser 4")).path("id"));
            browser.await(Duration.ofSeconds(30)).until(d -> received(driver).size() >= 4);
            Thread.sleep(500);

            List<String> got = received(driver);
            assertEquals(4, got.size(), "each change once: " + got);
            long first = Long.parseLong(got.get(0).split(" ")[0]);
            for (int i = 0; i < got.size(); i++) {
                assertEquals((first + i) + " " + ids.get(i), got.get(i), "in order, none missed: " + got);
            }
            assertEquals(2, ((Number) driver.executeScript("return window.opened")).intValue(), "it reconnected once");
            assertEquals(List.of(), browser.consoleErrors().stream().filter(e -> !e.contains("favicon.ico")).toList(),
                    "no error in the page's console");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> received(ChromeDriver driver) {
        return new ArrayList<>((List<String>) driver.executeScript("return window.got"));
    }
}
