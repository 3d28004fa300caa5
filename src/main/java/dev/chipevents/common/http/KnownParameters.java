package dev.chipevents.common.http;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.chipevents.common.paging.QueryParameters;
import dev.chipevents.common.paging.ReadsQueryString;

/**
 * Every operation refuses query parameters it does not take, and a parameter sent twice where it
 * takes one, so that a typo never goes unnoticed. Operations that read their whole query string
 * themselves (the lists) are marked {@link ReadsQueryString} and left to do so; the others declare
 * theirs with {@code @QueryParam}.
 */
public class KnownParameters {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Set<String> known = declared.computeIfAbsent(method, KnownParameters::queryParametersOf);
        if (known == null) {
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (query.isEmpty()) {
            return;
        }
        QueryParameters.requireKnown(query, known);
        QueryParameters.requireSingle(query, known);
    }

    /** The method's @QueryParam names; null when it reads the query string itself. */
    private static Set<String> queryParametersOf(Method method) {
        if (method.isAnnotationPresent(ReadsQueryString.class)) {
            return null;
        }
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
        }
        return names;
    }
}
