package dev.chipevents.support;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * For every @QuarkusTest: the test admin key unless a test sends its own credentials or none
 * ({@link CredentialsFilter}), and the contract check on every request and response.
 */
public class ContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(ContractFilter.INSTANCE)) {
            RestAssured.filters(CredentialsFilter.INSTANCE, ContractFilter.INSTANCE);
        }
    }
}
