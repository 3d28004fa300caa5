package dev.chipevents.common.http;

import java.util.List;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, with system properties that must be set before Quarkus loads its HTTP layer.
 * <p>
 * Quarkus answers a request target that java.net.URI refuses (?q=%zz) with an empty
 * 400 before any route can run, and offers no setting for it but this system property (read once, when
 * its HTTP layer loads); RequestGuard makes the same check and answers a problem instead. Tests set the
 * property in the build (surefire), since they start Quarkus without this class.
 * <p>
 * Netty's pooled allocator keeps a cache of freed direct buffers on every Vert.x thread, the worker threads
 * included. Under 32 connections of large answers (stats by month, 1.6 MB) those caches held 100 to 200 MB of
 * direct memory that was never given back, which takes a 512 MiB pod past its limit. Without the caches the
 * buffers go back to the shared arenas (6.5 MB after the same load; what it costs is in docs/benchmarks.md,
 * "Memory in the container"). A flag on the command line still wins.
 */
@QuarkusMain
public class Launcher {

    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";
    static final List<String> NETTY_THREAD_CACHES = List.of("io.netty.allocator.smallCacheSize", "io.netty.allocator.normalCacheSize");

    public static void main(String... args) {
        if (System.getProperty(URI_VALIDATION_OFF) == null) {
            System.setProperty(URI_VALIDATION_OFF, "true");
        }
        for (String cache : NETTY_THREAD_CACHES) {
            if (System.getProperty(cache) == null) {
                System.setProperty(cache, "0");
            }
        }
        Quarkus.run(args);
    }
}
