package dev.chipevents.common.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The document served at /q/openapi names its server relatively ("/"), so Swagger UI calls the service
 * wherever it runs, behind any proxy. The committed document, generated at build time without this
 * filter, keeps the quick start's http://localhost:8080 so that a client generated from it reaches a
 * service started by the README without editing.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class ServerAddress implements OASFilter {

    /** The address of the README's quick start, named by the document the build writes. */
    static final String QUICK_START = "http://localhost:8080";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(List.of(OASFactory.createServer().url("/").description("This server")));
    }
}
