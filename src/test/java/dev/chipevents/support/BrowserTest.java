package dev.chipevents.support;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without a browser, browser tests are skipped with the install command, unless CI requires them. */
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
    void installedProgramsLetTheTestRun() {
        assertDoesNotThrow(() -> Browser.requireInstalled(PRESENT, PRESENT, "true"));
    }
}
