package dev.chipevents.common.http;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Quarkus answers a request target that java.net.URI refuses (?q=%zz) with an empty
 * 400 before any route can run, and offers no setting for it but this system property (read once, when
 * its HTTP layer loads); RequestGuard makes the same check and answers a problem instead. Tests set the
 * property in the build (surefire), since they start Quarkus without this class.
 */
@QuarkusMain
public class Launcher {

    static final String URI_VALIDATION_OFF = "vertx.disableURIValidation";

    public static void main(String... args) {
        if (System.getProperty(URI_VALIDATION_OFF) == null) {
            System.setProperty(URI_VALIDATION_OFF, "true");
        }
        Quarkus.run(args);
    }
}
