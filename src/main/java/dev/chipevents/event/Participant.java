package dev.chipevents.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import dev.chipevents.company.Company;

@Embeddable
public class Participant {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    private Company company;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private ParticipantRole role;

    /**
     * A copy of the event's amount, kept by {@link Event}: with the index (company_id, event_amount desc, event_id desc)
     * a company's events are read in amount order, without walking every event by amount to find the company's.
     */
    @Column(name = "event_amount", precision = 24, scale = 4)
    private BigDecimal eventAmount;

    /**
     * A copy of the event's date, kept by {@link Event}: with the index (company_id, event_occurred_on desc, event_id desc)
     * a company's events are read in date order, without walking every event by date to find the company's (V21).
     */
    @Column(name = "event_occurred_on", nullable = false)
    private LocalDate eventOccurredOn;

    /**
     * The event's id, as the collection table's key column holds it (written by the collection, read only here): the
     * last column of that index, so that a company's page by amount can break ties by it and H2 read the index in order.
     */
    @Column(name = "event_id", insertable = false, updatable = false)
    private UUID eventId;

    protected Participant() {
    }

    public Participant(Company company, ParticipantRole role) {
        this.company = company;
        this.role = role;
    }

    public Company getCompany() {
        return company;
    }

    public ParticipantRole getRole() {
        return role;
    }

    public BigDecimal getEventAmount() {
        return eventAmount;
    }

    void setEventAmount(BigDecimal eventAmount) {
        this.eventAmount = eventAmount;
    }

    public LocalDate getEventOccurredOn() {
        return eventOccurredOn;
    }

    void setEventOccurredOn(LocalDate eventOccurredOn) {
        this.eventOccurredOn = eventOccurredOn;
    }
}
