package dev.chipevents.common.openapi;

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
 * What GET gives, PUT takes back: the body schema of every replace also lists the fields the server
 * owns, so that a body saved from GET is valid as it stands. The service accepts them when they equal
 * the stored values and names each one that differs (common/json/ServerOwnedFields); a create refuses them.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ServerOwnedEcho implements OASFilter {

    private static final String NOTE = " Set by the server: may be sent back as GET answered it on a replace (it must be unchanged);"
            + " refused on a create.";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            Operation replace = path.getPUT();
            if (replace == null || replace.getRequestBody() == null || replace.getRequestBody().getContent() == null) {
                continue;
            }
            for (MediaType media : replace.getRequestBody().getContent().getMediaTypes().values()) {
                String ref = media.getSchema() == null ? null : media.getSchema().getRef();
                Schema body = ref == null ? null : openAPI.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
                if (body != null) {
                    fields().forEach((name, schema) -> {
                        if (body.getProperties() == null || !body.getProperties().containsKey(name)) {
                            body.addProperty(name, schema);
                        }
                    });
                }
            }
        }
    }

    /** In the order GET answers them (a fixed order: the build's document must be the same every time). */
    private static Map<String, Schema> fields() {
        Map<String, Schema> fields = new LinkedHashMap<>();
        fields.put("id", string("The id.").format("uuid"));
        fields.put("createdAt", string("When it was created.").format("date-time"));
        fields.put("updatedAt", string("When it was last changed.").format("date-time"));
        fields.put("version",
                OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64").description("The version." + NOTE));
        fields.put("createdBy", string("Who created it.").addType(Schema.SchemaType.NULL));
        fields.put("updatedBy", string("Who changed it last.").addType(Schema.SchemaType.NULL));
        return fields;
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description + NOTE);
    }
}
