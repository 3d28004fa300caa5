package dev.chipevents.event;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chipevents.common.problem.FieldError;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.company.Company;
import dev.chipevents.company.CompanyReferences;

/**
 * Fills an event in from a valid request: the participants' companies are looked up by the one
 * reference rule (id, ticker or exact name), and the search text follows. Shared by single writes,
 * restore and bulk import.
 */
@ApplicationScoped
public class EventApplier {

    private final CompanyReferences references;

    EventApplier(CompanyReferences references) {
        this.references = references;
    }

    /** Looks up every company the requests' participants name, in one query. */
    public CompanyReferences.Resolution companiesOf(Collection<EventRequest> requests) {
        List<String> named = new ArrayList<>();
        for (EventRequest request : requests) {
            for (ParticipantRequest p : request.participantsOrEmpty()) {
                p.references().forEach(r -> named.add(r.value()));
            }
        }
        return references.resolve(named);
    }

    /** Applies a request whose companies are looked up now. */
    public void apply(Event event, EventRequest request) {
        apply(event, request, companiesOf(List.of(request)));
    }

    /** Applies a request; 400 naming every participant whose company is unknown, ambiguous or named twice. */
    public void apply(Event event, EventRequest request, CompanyReferences.Resolution companies) {
        List<Participant> participants = participants(request.participantsOrEmpty(), companies);
        event.setType(request.type());
        event.setOccurredOn(request.occurredOn());
        event.setDatePrecision(request.datePrecisionOrDefault());
        event.setTitle(request.title());
        event.setSummary(request.summary());
        event.setAmount(request.amount());
        event.setAmountKind(request.amountKind());
        event.setCurrency(request.currency());
        event.setPercentChange(request.percentChange());
        event.setCountry(request.country());
        event.setExternalId(request.externalId());
        event.setParticipants(participants);
        event.getTags().clear();
        event.getTags().addAll(request.tagsOrEmpty());
        event.getSources().clear();
        request.sourcesOrEmpty().forEach(s -> event.getSources().add(new Source(s.url(), s.publisher(), s.title(), s.publishedOn())));
        event.setSearchText(SearchText.of(event));
        event.setChildrenJson(EventChildren.of(event));
    }

    private List<Participant> participants(List<ParticipantRequest> requested, CompanyReferences.Resolution companies) {
        List<Participant> participants = new ArrayList<>(requested.size());
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            ParticipantRequest p = requested.get(i);
            Company company = null;
            for (ParticipantRequest.Reference reference : p.references()) {
                String field = "participants[" + i + "]." + reference.field();
                Company named = named(reference, company, companies, field, errors);
                if (named == null) {
                    company = null;
                    break;
                }
                company = named;
            }
            if (company == null) {
                continue;
            }
            if (!seen.add(company.getId())) {
                errors.add(new FieldError("participants[" + i + "]." + p.references().get(0).field(),
                        "names " + company.getName() + ", who already takes part in this event"));
                continue;
            }
            participants.add(new Participant(company, p.role()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem(errors);
        }
        return participants;
    }

    /** The company one field names; an echoed name or ticker only has to match the company named before it. */
    private Company named(ParticipantRequest.Reference reference, Company before, CompanyReferences.Resolution companies, String field,
            List<FieldError> errors) {
        if (before != null && (reference.field().equals("name") || reference.field().equals("ticker"))) {
            String actual = reference.field().equals("name") ? before.getName() : before.getTicker();
            if (actual == null || !actual.toLowerCase(Locale.ROOT).equals(reference.value().strip().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(field, "is '" + reference.value() + "' but the company named is " + describe(before)
                        + "; send its own " + reference.field() + " or leave the field out"));
                return null;
            }
            return before;
        }
        List<Company> ambiguous = companies.ambiguous().get(reference.value());
        if (ambiguous != null) {
            errors.add(new FieldError(field, "'" + reference.value() + "' names several companies: "
                    + ambiguous.stream().map(EventApplier::describe).collect(Collectors.joining(", ")) + "; name one by its id"));
            return null;
        }
        Company company = companies.get(reference.value());
        if (company == null) {
            errors.add(new FieldError(field, unknown(reference.value())));
            return null;
        }
        if (before != null && !before.getId().equals(company.getId())) {
            errors.add(new FieldError(field, "names " + describe(company) + ", another company than " + describe(before)));
            return null;
        }
        return company;
    }

    /** "no company has ..." with the closest names, if any. */
    public String unknown(String reference) {
        List<Company> close = references.suggestions(reference);
        String message = "no company has the id, ticker or name '" + reference + "'";
        if (!close.isEmpty()) {
            message += "; did you mean " + close.stream().map(EventApplier::describe).collect(Collectors.joining(" or ")) + "?";
        }
        return message;
    }

    private static String describe(Company company) {
        return CompanyReferences.describe(company);
    }
}
