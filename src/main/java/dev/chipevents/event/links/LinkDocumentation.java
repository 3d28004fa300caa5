package dev.chipevents.event.links;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Where links appear in bodies: an event saved from GET carries its `links`, which a replace takes back unchanged (they
 * change through their own operations); a bulk import's row is an EventRequest that may also carry the links to make
 * from it (schema EventImportRow, the import's JSON items).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = -50) // after ServerOwnedEcho: a row may echo those fields too
public class LinkDocumentation implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Schema request = schemas.get("EventRequest");
        if (request == null) {
            return;
        }
        Schema row = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("""
                A row of a bulk import: what a single create takes (EventRequest), and the links to make from this row's event \
                to others, each named by eventId or by externalId (also of a row further down). Links are made once every \
                row is written; a link that exists already is kept.""").required(request.getRequired());
        Map<String, Schema> properties = new LinkedHashMap<>(request.getProperties());
        properties.put("links", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).maxItems(LinkCommands.MAX_LINKS_PER_EVENT)
                .description("Links from this row's event to others.").items(OASFactory.createSchema().ref("LinkRequest")));
        row.properties(properties);
        openAPI.getComponents().addSchema("EventImportRow", row);
        request.addProperty("links", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref("EventLink")).description(
                        """
                        The event's links as GET answered them: a replace takes them back unchanged and refuses them changed; a \
                        create takes none (an empty list or null is none). Links are made with POST and removed with DELETE on /api/v1/events/{eventId}/links."""));
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if ("importEvents".equals(operation.getOperationId()) && operation.getRequestBody() != null) {
                    MediaType json = operation.getRequestBody().getContent().getMediaType("application/json");
                    if (json != null && json.getSchema() != null) {
                        json.getSchema().items(OASFactory.createSchema().ref("EventImportRow"));
                    }
                }
            }
        }
    }
}
