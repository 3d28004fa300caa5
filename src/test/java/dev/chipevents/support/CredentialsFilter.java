package dev.chipevents.support;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Sends the test admin key with every request that brings no credentials of its own, unless the
 * request is marked {@link #ANONYMOUS} (the marker itself is removed before sending).
 */
public final class CredentialsFilter implements OrderedFilter {

    public static final String ANONYMOUS = "X-Test-Anonymous";
    public static final CredentialsFilter INSTANCE = new CredentialsFilter();

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        boolean anonymous = request.getHeaders().hasHeaderWithName(ANONYMOUS);
        if (anonymous) {
            request.removeHeader(ANONYMOUS);
        } else if (!request.getHeaders().hasHeaderWithName("X-API-Key") && !request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("X-API-Key", TestData.ADMIN_KEY);
        }
        return ctx.next(request, response);
    }

    @Override
    public int getOrder() {
        return OrderedFilter.HIGHEST_PRECEDENCE;
    }
}
