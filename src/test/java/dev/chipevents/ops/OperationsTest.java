package dev.chipevents.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.chipevents.support.TestData;

/** What Kubernetes and Prometheus see: health probes and metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void probesReportUpWithTheDatabaseChecked() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    /** Prometheus scrapes the management interface; the public port has no metrics. */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void metricsHaveLatencyHistogramsPerRouteAndDomainCounters() {
        TestData.createEvent(TestData.event("Counted"));
        given().when().get("/api/v1/events?limit=1").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(404);
        given().when().get(metrics).then().statusCode(200)
                .body(containsString("chip_events_events_created_total"))
                .body(containsString("chip_events_events_deleted_total"))
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("uri=\"/api/v1/events\""));
    }
}
