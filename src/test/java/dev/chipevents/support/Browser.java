package dev.chipevents.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for tests that need a real browser, driven through the distribution's
 * chromedriver. It keeps the console log and every request's URL, so a test can assert that a page
 * logged no error and talked to no other host. Without Chromium the test is skipped, or fails when
 * CHIP_EVENTS_REQUIRE_BROWSER=true (as in CI).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String REQUIRE = "CHIP_EVENTS_REQUIRE_BROWSER";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NETWORK = Set.of("http", "https", "ws", "wss");

    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> console = new ArrayList<>();
    private final List<URI> requests = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser with a fresh profile; skips (or fails, see the class comment) when none is installed. */
    public static Browser start() throws IOException {
        requireInstalled();
        Path profile = Files.createTempDirectory("chip-events-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No sandbox: tests run as root in CI; the rest keeps the browser from calling home.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(Path.of("target", "chromedriver.log").toFile())
                .build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException notStarted) {
            delete(profile);
            throw notStarted;
        }
    }

    private static void requireInstalled() {
        requireInstalled(CHROMIUM, CHROMEDRIVER, System.getenv(REQUIRE));
    }

    /** Returns when both programs are there; otherwise aborts the test, or fails it when required is "true". */
    static void requireInstalled(Path chromium, Path chromedriver, String required) {
        if (Files.isExecutable(chromium) && Files.isExecutable(chromedriver)) {
            return;
        }
        String message = "This test needs Chromium and chromedriver at " + chromium + " and " + chromedriver
                + "; install them with: apt-get install chromium chromium-driver";
        if ("true".equalsIgnoreCase(required)) {
            Assertions.fail(message + " (" + REQUIRE + "=true makes a missing browser a failure)");
        }
        Assumptions.abort(message);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** A wait for page conditions: tests wait for what they expect, never for a fixed time. */
    public WebDriverWait await(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(100));
        wait.withMessage(() -> "; the browser console said: " + consoleMessages());
        return wait;
    }

    /** Everything the pages logged so far, as "LEVEL message". */
    public List<String> consoleMessages() {
        drainLogs();
        return List.copyOf(console);
    }

    /** The console messages logged as errors (console.error, failed loads, uncaught exceptions). */
    public List<String> consoleErrors() {
        return consoleMessages().stream().filter(m -> m.startsWith(Level.SEVERE.getName())).toList();
    }

    /** Every URL the pages fetched over the network so far (http, https, ws, wss; not data:, blob: or chrome:). */
    public List<URI> requests() {
        drainLogs();
        return List.copyOf(requests);
    }

    /** The hosts of every network request so far. */
    public Set<String> requestHosts() {
        Set<String> hosts = new LinkedHashSet<>();
        requests().forEach(u -> hosts.add(u.getHost()));
        return hosts;
    }

    /** The network requests so far to any host but these. */
    public List<URI> requestsOutside(String... hosts) {
        Set<String> allowed = Set.of(hosts);
        return requests().stream().filter(u -> !allowed.contains(u.getHost())).toList();
    }

    public void assertNoConsoleErrors() {
        List<String> errors = consoleErrors();
        Assertions.assertTrue(errors.isEmpty(), "the browser console logged errors: " + errors);
    }

    /** Fails when a page requested anything from a host other than these. */
    public void assertRequestsOnlyTo(String... hosts) {
        List<URI> elsewhere = requestsOutside(hosts);
        Assertions.assertTrue(elsewhere.isEmpty(), "requests to hosts other than " + List.of(hosts) + ": " + elsewhere);
    }

    private void drainLogs() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(entry.getLevel().getName() + " " + entry.getMessage());
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            requestedUrl(entry.getMessage()).ifPresent(requests::add);
        }
    }

    /** The URL of a Network.requestWillBeSent event in the performance log, when it goes over the network. */
    static Optional<URI> requestedUrl(String performanceEntry) {
        try {
            JsonNode message = JSON.readTree(performanceEntry).path("message");
            if (!"Network.requestWillBeSent".equals(message.path("method").asText())) {
                return Optional.empty();
            }
            URI url = URI.create(message.path("params").path("request").path("url").asText());
            return NETWORK.contains(String.valueOf(url.getScheme())) && url.getHost() != null ? Optional.of(url) : Optional.empty();
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
