package dev.chipevents.company;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.common.validation.HttpUrl;
import dev.chipevents.common.validation.IsoCountry;
import dev.chipevents.common.validation.PlainText;

/** What a client sends to create or replace a company. */
@Schema(name = "CompanyRequest",
        description = "A company as a client sends it. Server-owned fields (id, version, createdAt, updatedAt) are refused.")
public record CompanyRequest(
        @Schema(description = "The company's name, unique regardless of case.", examples = "Nvidia", required = true, maxLength = 200)
        @NotBlank @Size(max = 200) @PlainText String name,
        @Schema(description = "Stock ticker in upper case, unique; omit for private companies.", examples = "NVDA", maxLength = 16,
                nullable = true,
                pattern = "^[A-Z0-9][A-Z0-9.\\-]*$")
        @Size(min = 1, max = 16) @Pattern(regexp = "^[A-Z0-9][A-Z0-9.\\-]*$",
                message = "must be upper-case letters, digits, '.' or '-', such as NVDA or 2330.TW") String ticker,
        @Schema(description = "Where the ticker trades.", examples = "Nasdaq", maxLength = 64, nullable = true)
        @Size(max = 64) @PlainText String exchange,
        @Schema(description = "ISO 3166-1 alpha-2 country code of the headquarters.", examples = "US", pattern = "^[A-Z]{2}$",
                nullable = true)
        @IsoCountry String country,
        @Schema(description = "What the company does; INDEX for a market index such as the Nasdaq Composite.", examples = "FABLESS",
                required = true)
        @NotNull Segment segment,
        @Schema(description = "Home page, http or https.", examples = "https://www.nvidia.com", format = "uri", maxLength = 2048,
                nullable = true)
        @Size(max = 2048) @HttpUrl String website) {
}
