package dev.chipevents.support;

import java.nio.file.Files;
import java.nio.file.Path;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Checks every request and response of the tests against the committed OpenAPI document, so an
 * undocumented status, field or content type fails the build. Tests that send invalid input on
 * purpose mark the request with {@link #INVALID_ON_PURPOSE}; their responses are still checked.
 */
public final class ContractFilter implements OrderedFilter {

    /** A header only the filter sees (it is removed before sending): skip request validation. */
    public static final String INVALID_ON_PURPOSE = "X-Test-Invalid-On-Purpose";
    /**
     * The same for a valid request in a form the service accepts beyond what the schema can say (comma-separated
     * lists, enum values in lower case): skip request validation, check the response.
     */
    public static final String LENIENT_FORM = "X-Test-Lenient-Form";
    private static final Path DOCUMENT = Path.of("openapi", "openapi.yaml");
    public static final ContractFilter INSTANCE = new ContractFilter();

    private final OpenApiInteractionValidator validator;

    private ContractFilter() {
        if (!Files.exists(DOCUMENT)) {
            throw new IllegalStateException("openapi/openapi.yaml is missing; see README, 'The OpenAPI document'");
        }
        this.validator = OpenApiInteractionValidator
                .createForSpecificationUrl(DOCUMENT.toAbsolutePath().toUri().toString())
                .withLevelResolver(LevelResolver.create()
                        // The service answers its own problems for these; the tests check them one by one.
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec, FilterContext ctx) {
        boolean invalidOnPurpose = request.getHeaders().hasHeaderWithName(INVALID_ON_PURPOSE)
                || request.getHeaders().hasHeaderWithName(LENIENT_FORM);
        request.removeHeader(INVALID_ON_PURPOSE);
        request.removeHeader(LENIENT_FORM);
        Request contractRequest = RestAssuredRequest.of(request);
        if (!contractRequest.getPath().startsWith("/api/") || "OPTIONS".equals(request.getMethod())) {
            // /q/health, /q/metrics, Swagger UI and CORS preflights belong to the HTTP layer, not the API document
            return ctx.next(request, responseSpec);
        }
        if (!invalidOnPurpose) {
            fail("request", validator.validateRequest(contractRequest));
        }
        Response response = ctx.next(request, responseSpec);
        if (response.statusCode() == 431 || response.statusCode() == 414) {
            return response; // the HTTP layer refuses oversized headers and URIs before any operation is chosen
        }
        fail("response", validator.validateResponse(contractRequest.getPath(), contractRequest.getMethod(),
                RestAssuredResponse.of(response)));
        return response;
    }

    private static void fail(String what, ValidationReport report) {
        if (report.hasErrors()) {
            throw new AssertionError("The " + what + " does not match openapi/openapi.yaml (if you changed the API on purpose,"
                    + " refresh the document as the README says):\n" + report.getMessages());
        }
    }

    @Override
    public int getOrder() {
        return OrderedFilter.HIGHEST_PRECEDENCE + 10;
    }
}
