package dev.chipevents.event;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.chipevents.common.validation.PlainText;

@Schema(name = "ParticipantRequest", description = """
        A company taking part in an event, and its role. Name the company by `company` (its id, ticker or exact name, \
        case-insensitive) or by `companyId`. `name` and `ticker`, as GET answers them, may be sent back: they are \
        accepted when they match the company.""")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantRequest(
        @Schema(description = "The company's id, ticker or exact name (case-insensitive).", examples = "NVDA", maxLength = 200,
                nullable = true)
        @Size(min = 1, max = 200) @PlainText String company,
        @Schema(description = "The company's id (see GET /api/v1/companies).", examples = "0193a0a4-5c1e-7b7a-9d1e-3f2a1b4c5d6e",
                nullable = true) UUID companyId,
        @Schema(description = "The company's name, as GET answers it; must match the company.", examples = "Nvidia", maxLength = 200,
                nullable = true)
        @Size(max = 200) @PlainText String name,
        @Schema(description = "The company's ticker, as GET answers it; must match the company.", examples = "NVDA", maxLength = 16,
                nullable = true)
        @Size(max = 16) @PlainText String ticker,
        @Schema(required = true, examples = "SUBJECT") @NotNull ParticipantRole role) {

    /** A participant naming its company by id. */
    public static ParticipantRequest byId(UUID companyId, ParticipantRole role) {
        return new ParticipantRequest(null, companyId, null, null, role);
    }

    /** Each field that names the company, with its value: all of them must name the same one. */
    @JsonIgnore
    public List<Reference> references() {
        List<Reference> references = new ArrayList<>(2);
        if (companyId != null) {
            references.add(new Reference("companyId", companyId.toString()));
        }
        if (company != null) {
            references.add(new Reference("company", company));
        }
        if (ticker != null) {
            references.add(new Reference("ticker", ticker));
        }
        if (name != null) {
            references.add(new Reference("name", name));
        }
        return references;
    }

    /** One field of a participant that names a company. */
    public record Reference(String field, String value) {
    }
}
