package dev.chipevents.common.openapi;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/** At build time: the document names the README's quick-start address, for clients generated from the committed document. */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class QuickStartServer implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.setServers(List.of(OASFactory.createServer().url("http://localhost:8080")
                .description("The service as the README's quick start runs it; point a client elsewhere with its base URI")));
    }
}
