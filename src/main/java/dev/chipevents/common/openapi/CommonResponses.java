package dev.chipevents.common.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What the operations of the API have in common, added here instead of on each resource method:
 * 400 (unknown or repeated parameters), 401 and 403 (reads too, when the server requires the reader
 * role) and 500 everywhere; 404 where a path names a resource; 413 and 415 where a body is sent; If-Match with 409, 412 and 428 on PUT
 * and PATCH, an optional If-Match with 412 on a DELETE that honours it; and for the operations that need credentials (Quarkus marks each {@code @RolesAllowed}
 * method with a security requirement) the choice of an API key or a bearer token, and 429 for the
 * write rate limit. Resources declare only their own answers.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = -100)
public class CommonResponses implements OASFilter {

    private static final String API = "/api/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith(API)) {
                continue;
            }
            boolean namesResource = path.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                PathItem.HttpMethod method = entry.getKey();
                Operation operation = entry.getValue();
                APIResponses responses = operation.getResponses();
                boolean versionedWrite = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH;
                put(responses, "400", "InvalidRequest"); // every operation refuses parameters it does not take
                if (operation.getRequestBody() != null) {
                    put(responses, "413", "PayloadTooLarge");
                    put(responses, "415", "UnsupportedMediaType");
                }
                if (namesResource) {
                    put(responses, "404", "NotFound");
                }
                if (versionedWrite) {
                    withoutIfMatch(operation).addParameter(OASFactory.createParameter().ref("If-Match"));
                    put(responses, "409", "Conflict");
                    put(responses, "412", "PreconditionFailed");
                    put(responses, "428", "PreconditionRequired");
                }
                if (method == PathItem.HttpMethod.DELETE && takesIfMatch(operation)) {
                    withoutIfMatch(operation).addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)
                            .description("When sent, delete only if the resource still has this ETag, e.g. `\"0\"`.")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(100)));
                    put(responses, "412", "PreconditionFailed");
                }
                put(responses, "401", "Unauthorized");
                put(responses, "403", "Forbidden");
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    operation.setSecurity(List.of(requirement("apiKey"), requirement("bearer")));
                    put(responses, "429", "TooManyRequests");
                }
                put(responses, "500", "ServerError");
            }
        }
    }

    private static boolean takesIfMatch(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> "If-Match".equals(p.getName()));
    }

    /** The operation without the If-Match parameter its method declares (the one added here replaces it). */
    private static Operation withoutIfMatch(Operation operation) {
        if (operation.getParameters() != null) {
            operation.setParameters(operation.getParameters().stream().filter(p -> !"If-Match".equals(p.getName())).toList());
        }
        return operation;
    }

    private static void put(APIResponses responses, String status, String reference) {
        if (!responses.hasAPIResponse(status) || responses.getAPIResponse(status).getRef() == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(reference));
        }
    }

    private static SecurityRequirement requirement(String scheme) {
        return OASFactory.createSecurityRequirement().addScheme(scheme);
    }
}
