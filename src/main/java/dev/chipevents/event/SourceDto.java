package dev.chipevents.event;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.common.validation.HttpUrl;
import dev.chipevents.common.validation.PlainText;

@Schema(name = "Source", description = "Where the facts of an event were published.")
public record SourceDto(
        @Schema(required = true, format = "uri", maxLength = 2048, description = "http or https only.",
                examples = "https://www.gzeromedia.com/")
        @NotNull @Size(max = 2048) @HttpUrl String url,
        @Schema(maxLength = 200, nullable = true, examples = "GZERO Media") @Size(max = 200) @PlainText String publisher,
        @Schema(maxLength = 300, nullable = true, examples = "What DeepSeek means for the US-China AI war",
                description = "The headline or title of what was published.")
        @Size(max = 300) @PlainText String title,
        @Schema(nullable = true, implementation = String.class, format = "date", examples = "2025-02-04") LocalDate publishedOn) {
}
