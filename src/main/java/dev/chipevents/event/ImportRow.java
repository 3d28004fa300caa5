package dev.chipevents.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of one row of a JSON bulk import, for the OpenAPI document: an EventRequest whose
 * participants may name their company by ticker or name as well as by id. Rows are read as JSON
 * trees and validated as EventRequest (see EventImport).
 */
@Schema(name = "ImportRow", description = "One event to import: the fields of EventRequest; participants name companies by companyId, ticker or name.")
record ImportRow(
        @Schema(required = true, examples = "IPO") EventType type,
        @Schema(required = true, examples = "2024-11-27") LocalDate occurredOn,
        @Schema(examples = "DAY") DatePrecision datePrecision,
        @Schema(required = true, maxLength = 200, examples = "Pony AI lists on Nasdaq") String title,
        @Schema(maxLength = 4000, nullable = true) String summary,
        @Schema(nullable = true, minimum = "0", examples = "4500000000") BigDecimal amount,
        @Schema(nullable = true, examples = "USD") String currency,
        @Schema(nullable = true, examples = "-16.97") BigDecimal percentChange,
        @Schema(nullable = true, examples = "US") String country,
        @Schema(maxItems = 20) List<Participant> participants,
        @Schema(maxItems = 20) List<String> tags,
        @Schema(maxItems = 20) List<SourceDto> sources,
        @Schema(nullable = true, maxLength = 100, examples = "ipo-pony") String externalId) {

    @Schema(name = "ImportParticipant", description = "A company by companyId, or by ticker or name (case-insensitive) in `company`, `ticker` or `name`.")
    record Participant(
            @Schema(nullable = true, implementation = String.class, format = "uuid") UUID companyId,
            @Schema(nullable = true, examples = "PONY", description = "A ticker or a name.") String company,
            @Schema(nullable = true, examples = "PONY") String ticker,
            @Schema(nullable = true, examples = "Pony AI") String name,
            @Schema(required = true, examples = "ISSUER") ParticipantRole role) {
    }
}
