package dev.chipevents.company;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CompanyPage", description = "One page of companies, ordered by name.")
public record CompanyPage(
        @Schema(required = true) List<CompanyResponse> items,
        @Schema(description = "Pass as `cursor` to get the next page; null on the last page.", nullable = true) String nextCursor,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The number of all matches; only with withTotal=true.", examples = "23") Long total) {
}
