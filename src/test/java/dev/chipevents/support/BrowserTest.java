package dev.chipevents.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Without a browser, browser tests are skipped with the install command, unless CI requires them; only
 * requests that leave the browser count as requests.
 */
class BrowserTest {

    private static final Path MISSING = Path.of("/nonexistent/chromium");
    private static final Path PRESENT = Path.of("/bin/sh");

    @Test
    void aMissingBrowserSkipsTheTestAndSaysHowToInstallIt() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> Browser.requireInstalled(MISSING, PRESENT, null));
        assertTrue(skipped.getMessage().contains("apt-get install chromium chromium-driver"), skipped.getMessage());
        assertThrows(TestAbortedException.class, () -> Browser.requireInstalled(PRESENT, MISSING, "false"));
    }

    @Test
    void aMissingBrowserFailsTheTestWhenRequired() {
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> Browser.requireInstalled(MISSING, PRESENT, "true"));
        assertTrue(failed.getMessage().contains("apt-get install chromium chromium-driver"), failed.getMessage());
        assertTrue(failed.getMessage().contains("CHIP_EVENTS_REQUIRE_BROWSER"), failed.getMessage());
    }

    @Test
    void onlyNetworkRequestsCount() {
        assertEquals(Optional.of(URI.create("http://localhost:8080/q/swagger-ui/")),
                Browser.requestedUrl(performanceEntry("Network.requestWillBeSent", "http://localhost:8080/q/swagger-ui/")));
        assertEquals(Optional.of(URI.create("https://fonts.example/roboto.css")),
                Browser.requestedUrl(performanceEntry("Network.requestWillBeSent", "https://fonts.example/roboto.css")));
        assertEquals(Optional.empty(),
                Browser.requestedUrl(performanceEntry("Network.requestWillBeSent", "chrome://resources/css/roboto.css")));
        assertEquals(Optional.empty(),
                Browser.requestedUrl(performanceEntry("Network.requestWillBeSent", "data:image/png;base64,iVBORw0KGgo=")));
        assertEquals(Optional.empty(), Browser.requestedUrl(performanceEntry("Network.responseReceived", "http://localhost:8080/")));
        assertEquals(Optional.empty(), Browser.requestedUrl("not json"));
    }

    private static String performanceEntry(String method, String url) {
        return "{\"message\": {\"method\": \"" + method + "\", \"params\": {\"request\": {\"url\": \"" + url + "\"}}}, \"webview\": \"x\"}";
    }

    @Test
    void installedProgramsLetTheTestRun() {
        assertDoesNotThrow(() -> Browser.requireInstalled(PRESENT, PRESENT, "true"));
    }
}
