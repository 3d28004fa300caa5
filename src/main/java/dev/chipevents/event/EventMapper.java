package dev.chipevents.event;

import java.math.BigDecimal;
import java.util.List;

import dev.chipevents.company.Company;

/** Converts between the Event entity and its JSON shapes; entities never leave the service. */
public final class EventMapper {

    private EventMapper() {
    }

    public static EventResponse toResponse(Event e) {
        List<ParticipantResponse> participants = e.getParticipants().stream()
                .map(p -> {
                    Company c = p.getCompany();
                    return new ParticipantResponse(c.getId(), c.getName(), c.getTicker(), p.getRole());
                }).toList();
        List<SourceDto> sources = e.getSources().stream()
                .map(s -> new SourceDto(s.getUrl(), s.getPublisher(), s.getPublishedOn())).toList();
        return new EventResponse(e.getId(), e.getType(), e.getOccurredOn(), e.getDatePrecision(), e.getTitle(), e.getSummary(),
                plain(e.getAmount()), e.getCurrency(), plain(e.getPercentChange()), e.getCountry(), participants,
                List.copyOf(e.getTags()), sources, e.getExternalId(), e.getCreatedAt(), e.getUpdatedAt(), e.getVersion(),
                e.getCreatedBy(), e.getUpdatedBy());
    }

    /** The request that would produce the event's current state: what a merge patch is applied to. */
    public static EventRequest toRequest(Event e) {
        return new EventRequest(e.getType(), e.getOccurredOn(), e.getDatePrecision(), e.getTitle(), e.getSummary(),
                plain(e.getAmount()), e.getCurrency(), plain(e.getPercentChange()), e.getCountry(),
                e.getParticipants().stream().map(p -> ParticipantRequest.byId(p.getCompany().getId(), p.getRole())).toList(),
                List.copyOf(e.getTags()),
                e.getSources().stream().map(s -> new SourceDto(s.getUrl(), s.getPublisher(), s.getPublishedOn())).toList(),
                e.getExternalId());
    }

    /** The request that brings back an event as a revision recorded it. */
    public static EventRequest toRequest(EventResponse e) {
        return new EventRequest(e.type(), e.occurredOn(), e.datePrecision(), e.title(), e.summary(), e.amount(), e.currency(),
                e.percentChange(), e.country(),
                e.participants().stream().map(p -> ParticipantRequest.byId(p.companyId(), p.role())).toList(),
                e.tags(), e.sources(), e.externalId());
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
