package dev.chipevents.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.common.validation.IsoCountry;
import dev.chipevents.common.validation.IsoCurrency;
import dev.chipevents.common.validation.PlainText;

/** What a client sends to create or replace an event. */
@EventRules
@Schema(name = "EventRequest", description = """
        An event as a client sends it. Server-owned fields (id, version, createdAt, updatedAt) are refused. \
        Rules across fields: `currency` and `amountKind` are required when `amount` is given and refused without it; \
        the type allows only some amount kinds; `percentChange` is required for STOCK_MOVE; with datePrecision MONTH, QUARTER or YEAR, occurredOn is the \
        first day of that period; a company takes part at most once.""")
public record EventRequest(
        @Schema(required = true, examples = "STOCK_MOVE") @NotNull EventType type,
        @Schema(required = true, examples = "2025-01-27",
                description = "The day it happened (first day of the period for coarser precisions).")
        @NotNull LocalDate occurredOn,
        @Schema(examples = "DAY", description = "How precise occurredOn is; DAY when omitted.") DatePrecision datePrecision,
        @Schema(required = true, maxLength = 200, examples = "Nvidia loses 589 billion USD of market value in a day")
        @NotBlank @Size(max = 200) @PlainText String title,
        @Schema(maxLength = 4000, nullable = true, examples = "Nvidia shares fell nearly 17 percent after DeepSeek released R1.")
        @Size(max = 4000) @PlainText String summary,
        @Schema(minimum = "0", nullable = true, examples = "589000000000",
                description = "A money amount, not negative, at most 20 integer digits and 4 decimals; needs currency and amountKind.")
        @DecimalMin("0") @Digits(integer = 20, fraction = 4) BigDecimal amount,
        @Schema(nullable = true, examples = "MARKET_VALUE_LOSS", description = """
                What amount measures; required with amount and refused without it. Each type allows its own kinds: \
                STOCK_MOVE MARKET_VALUE_LOSS, MARKET_VALUE_GAIN; IPO IPO_PROCEEDS, VALUATION; GOVERNMENT_AWARD AWARD; \
                EXPORT_CONTROL FINE; POLICY FUNDING_PROGRAM; REGULATORY_ACTION FINE, DEAL_VALUE; INVESTMENT INVESTMENT, \
                VALUATION; ACQUISITION DEAL_VALUE; PARTNERSHIP DEAL_VALUE, INVESTMENT; PRODUCT_LAUNCH COST; MANUFACTURING \
                INVESTMENT, COST; OTHER any kind; and every type OTHER. A market-value kind must agree with the sign of \
                percentChange.""") AmountKind amountKind,
        @Schema(nullable = true, pattern = "^[A-Z]{3}$", examples = "USD", description = "ISO 4217 code; required with amount.")
        @IsoCurrency String currency,
        @Schema(nullable = true, minimum = "-100", examples = "-16.97",
                description = "Percent change (stock moves: the day's change); required for STOCK_MOVE; at most 4 decimals.")
        @DecimalMin("-100") @Digits(integer = 6, fraction = 4) BigDecimal percentChange,
        @Schema(nullable = true, pattern = "^[A-Z]{2}$", examples = "US", description = "ISO 3166-1 alpha-2 code of where it happened.")
        @IsoCountry String country,
        @Schema(maxItems = 20, description = "Companies taking part, each at most once.")
        @Size(max = 20) List<@NotNull @Valid ParticipantRequest> participants,
        @Schema(maxItems = 20, description = "Lower-case tags: letters, digits and single '-', '.' or '_' between them.",
                examples = "[\"deepseek\", \"ai\"]")
        @Size(max = 20) List<@NotNull @Size(max = 50) @Pattern(regexp = "^[a-z0-9]+([._-][a-z0-9]+)*$",
                message = "must be lower-case letters and digits, with single '-', '.' or '_' between them, such as chips-act") String> tags,
        @Schema(maxItems = 20) @Size(max = 20) List<@NotNull @Valid SourceDto> sources,
        @Schema(maxLength = 100, nullable = true, examples = "seed-2025-01-27-nvidia-stock-move",
                description = "The caller's own key for this event, unique.")
        @Size(min = 1, max = 100) @PlainText String externalId,
        // What GET answered for `links`, sent back in a replace: compared with the stored links, never written (links
        // change through their own operations). Documented by event/links/LinkDocumentation.
        @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode links) {

    public DatePrecision datePrecisionOrDefault() {
        return datePrecision == null ? DatePrecision.DAY : datePrecision;
    }

    public List<ParticipantRequest> participantsOrEmpty() {
        return participants == null ? List.of() : participants;
    }

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    public List<SourceDto> sourcesOrEmpty() {
        return sources == null ? List.of() : sources;
    }
}
