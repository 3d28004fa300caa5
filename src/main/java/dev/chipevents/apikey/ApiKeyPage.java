package dev.chipevents.apikey;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyPage", description = "One page of API keys, oldest first.")
public record ApiKeyPage(
        @Schema(required = true) List<ApiKeyResponse> items,
        @Schema(description = "Pass as `cursor` to get the next page; null on the last page.", nullable = true) String nextCursor) {
}
