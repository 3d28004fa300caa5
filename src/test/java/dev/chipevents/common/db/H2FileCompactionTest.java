package dev.chipevents.common.db;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

import dev.chipevents.support.TestData;

/**
 * The embedded file shrinks back while the service runs: after a bulk import has left it mostly garbage, one run
 * or two of the compaction job bring it back to mostly live pages, every row still there. On an H2 file database with
 * the service's own URL flags; on PostgreSQL (and in-memory H2) the job finds no file and does nothing.
 */
@QuarkusTest
@TestProfile(H2FileCompactionTest.FileDatabase.class)
class H2FileCompactionTest {

    private static final int ROWS = 3000;
    private static final int RUNS = 3;

    public static class FileDatabase implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            String external = System.getenv("CHIP_EVENTS_TEST_JDBC_URL");
            // Only the test calls the job, so that it looks at the file when the test says.
            Map<String, String> job = Map.of("chip-events.h2.compaction.every", "1h", "chip-events.h2.compaction.min-bytes", "0");
            if (external != null && !external.isBlank()) {
                return job;
            }
            try {
                Path folder = Files.createTempDirectory("chip-events-compaction");
                return Map.of("chip-events.h2.compaction.every", job.get("chip-events.h2.compaction.every"),
                        "chip-events.h2.compaction.min-bytes", job.get("chip-events.h2.compaction.min-bytes"),
                        "quarkus.datasource.jdbc.url", "jdbc:h2:file:" + folder.resolve("chip-events")
                                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    H2FileCompaction compaction;

    @Test
    void aFileLeftMostlyGarbageByAnImportIsCompactedWhileTheServiceRuns() {
        String tag = "compaction" + System.nanoTime();
        StringBuilder csv = new StringBuilder("type,occurredOn,title,summary,tags\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("OTHER,").append(2000 + i % 25).append('-').append(String.format("%02d", 1 + i % 12)).append("-15,")
                    .append("Compaction row ").append(i).append(",A summary long enough to fill a page or two,").append(tag).append('\n');
        }
        given().contentType("text/csv; charset=UTF-8").body(csv.toString()).when().post("/api/v1/events/import")
                .then().statusCode(200).body("created", equalTo(ROWS));

        Optional<H2FileCompaction.FileState> before = compaction.inspect();
        if (before.isEmpty()) {
            compaction.run(); // no file: nothing to do, and nothing fails
            assertTrue(compaction.inspect().isEmpty());
            assertRowsThere(tag);
            return;
        }
        assertTrue(before.get().livePercent() < 50, "the import should leave the file mostly garbage: " + before.get());

        // The scheduler runs the job every few seconds; space that one run frees, the next can give back. H2 never rewrites
        // the chunk it wrote last, so the garbage in the import's last chunk waits for any later write: one comes between runs.
        H2FileCompaction.FileState after = before.get();
        for (int run = 1; run <= RUNS && (after.livePercent() < 50 || after.bytes() * 4 > before.get().bytes() * 3); run++) {
            TestData.createEvent(TestData.event("After the import " + run));
            compaction.run();
            after = compaction.inspect().orElseThrow();
        }
        assertTrue(after.livePercent() >= 50, "after at most " + RUNS + " runs most of the file is live: " + before.get() + " -> " + after);
        assertTrue(after.bytes() * 4 <= before.get().bytes() * 3,
                "the file shrinks by a quarter or more: " + before.get() + " -> " + after);
        assertRowsThere(tag);
    }

    private static void assertRowsThere(String tag) {
        int total = given().queryParam("tag", tag).queryParam("limit", 1).queryParam("withTotal", true).when().get("/api/v1/events")
                .then().statusCode(200).contentType(ContentType.JSON).extract().path("total");
        assertEquals(ROWS, total);
    }
}
