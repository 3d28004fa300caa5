package dev.chipevents.event;

import java.math.BigDecimal;
import java.util.List;

import dev.chipevents.company.Company;
import dev.chipevents.event.links.LinkedEvent;

/** Converts between the Event entity and its JSON shapes; entities never leave the service. */
public final class EventMapper {

    private EventMapper() {
    }

    /** The event's state with its links (read by LinkReader after the change was flushed). */
    public static EventResponse toResponse(Event e, List<LinkedEvent> links) {
        List<ParticipantResponse> participants = e.getParticipants().stream()
                .map(EventMapper::participant).toList();
        List<SourceDto> sources = e.getSources().stream()
                .map(EventMapper::source).toList();
        return new EventResponse(e.getId(), e.getType(), e.getOccurredOn(), e.getDatePrecision(), e.getTitle(), e.getSummary(),
                plain(e.getAmount()), e.getAmountKind(), e.getCurrency(), plain(e.getPercentChange()), e.getCountry(), participants,
                List.copyOf(e.getTags()), sources, List.copyOf(links), e.getExternalId(), e.getCreatedAt(), e.getUpdatedAt(),
                e.getVersion(), e.getCreatedBy(), e.getUpdatedBy());
    }

    /** The request that would produce the event's current state: what a merge patch is applied to. */
    public static EventRequest toRequest(Event e) {
        return new EventRequest(e.getType(), e.getOccurredOn(), e.getDatePrecision(), e.getTitle(), e.getSummary(),
                plain(e.getAmount()), e.getAmountKind(), e.getCurrency(), plain(e.getPercentChange()), e.getCountry(),
                e.getParticipants().stream().map(p -> ParticipantRequest.byId(p.getCompany().getId(), p.getRole())).toList(),
                List.copyOf(e.getTags()), e.getSources().stream().map(EventMapper::source).toList(), e.getExternalId(), null);
    }

    /**
     * The request that brings back an event as a revision recorded it; an amount recorded before amounts had kinds gets
     * the kind that migration V10 gave the stored ones.
     */
    public static EventRequest toRequest(EventResponse e) {
        AmountKind kind = e.amount() != null && e.amountKind() == null ? AmountKind.inferred(e.type(), e.percentChange()) : e.amountKind();
        return new EventRequest(e.type(), e.occurredOn(), e.datePrecision(), e.title(), e.summary(), e.amount(), kind, e.currency(),
                e.percentChange(), e.country(),
                e.participants().stream().map(p -> ParticipantRequest.byId(p.companyId(), p.role())).toList(),
                e.tags(), e.sources(), e.externalId(), null);
    }

    /** A participant as shown, with its company's name and ticker. */
    public static ParticipantResponse participant(Participant p) {
        Company c = p.getCompany();
        return new ParticipantResponse(c.getId(), c.getName(), c.getTicker(), p.getRole());
    }

    public static SourceDto source(Source s) {
        return new SourceDto(s.getUrl(), s.getPublisher(), s.getTitle(), s.getPublishedOn());
    }

    /** Decimal columns come back with their scale (589000000000.0000); answer the number as it was meant. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
