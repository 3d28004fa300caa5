package dev.chipevents.changes;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Reads the change log through the API, for tests that need to know where it stands. */
final class ChangeLogs {

    private ChangeLogs() {
    }

    /** The sequence of the last committed change. */
    static long last() {
        long since = given().accept(ContentType.JSON).when().get("/api/v1/changes").then().statusCode(200)
                .extract().jsonPath().getLong("nextSince");
        while (true) {
            JsonPath page = given().accept(ContentType.JSON).queryParam("since", since).queryParam("limit", 200)
                    .when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            since = page.getLong("nextSince");
            if (!page.getBoolean("more")) {
                return since;
            }
        }
    }
}
