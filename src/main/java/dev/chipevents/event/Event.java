package dev.chipevents.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;

import dev.chipevents.common.db.AuditedEntity;

@Entity
@Table(name = "event")
public class Event extends AuditedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private EventType type;

    // Bound as java.time.LocalDate, never through java.sql.Date: no Julian-calendar shift (1582-10-10 stays 1582-10-10).
    @JdbcType(LocalDateJdbcType.class)
    @Column(name = "occurred_on", nullable = false)
    private LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "date_precision", nullable = false, length = 16)
    private DatePrecision datePrecision;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 4000)
    private String summary;

    @Column(precision = 24, scale = 4)
    private BigDecimal amount;

    /** What the amount measures; set exactly when amount is. */
    @Enumerated(EnumType.STRING)
    @Column(name = "amount_kind", length = 32)
    private AmountKind amountKind;

    @Column(length = 3)
    private String currency;

    @Column(name = "percent_change", precision = 10, scale = 4)
    private BigDecimal percentChange;

    @Column(length = 2)
    private String country;

    @Column(name = "external_id", length = 100)
    private String externalId;

    /** Lower-cased title, summary, tags and participant names: what `q` searches. */
    @Column(name = "search_text", nullable = false, length = 20000)
    private String searchText;

    /** The participants, tags and sources as shown, in one JSON text: {@link EventChildren}. */
    @Column(name = "children_json", nullable = false, length = 1000000)
    private String childrenJson;

    @ElementCollection
    @CollectionTable(name = "event_participant", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    private List<Participant> participants = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "event_tag", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag", nullable = false, length = 50)
    private List<String> tags = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "event_source", joinColumns = @JoinColumn(name = "event_id"))
    @OrderColumn(name = "position")
    private List<Source> sources = new ArrayList<>();

    protected Event() {
    }

    public Event(UUID id, Instant createdAt) {
        super(id, createdAt);
    }

    public EventType getType() {
        return type;
    }

    public void setType(EventType type) {
        this.type = type;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public void setOccurredOn(LocalDate occurredOn) {
        this.occurredOn = occurredOn;
        participants.forEach(p -> p.setEventOccurredOn(occurredOn));
    }

    public DatePrecision getDatePrecision() {
        return datePrecision;
    }

    public void setDatePrecision(DatePrecision datePrecision) {
        this.datePrecision = datePrecision;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public void setAmount(BigDecimal amount) {
        this.amount = amount;
        participants.forEach(p -> p.setEventAmount(amount));
    }

    public AmountKind getAmountKind() {
        return amountKind;
    }

    public void setAmountKind(AmountKind amountKind) {
        this.amountKind = amountKind;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getPercentChange() {
        return percentChange;
    }

    public void setPercentChange(BigDecimal percentChange) {
        this.percentChange = percentChange;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public String getSearchText() {
        return searchText;
    }

    public void setSearchText(String searchText) {
        this.searchText = searchText;
    }

    public String getChildrenJson() {
        return childrenJson;
    }

    public void setChildrenJson(String childrenJson) {
        this.childrenJson = childrenJson;
    }

    /** The participants, read only: {@link #setParticipants} replaces them. */
    public List<Participant> getParticipants() {
        return Collections.unmodifiableList(participants);
    }

    /** Replaces the participants; each carries a copy of the event's amount and date. */
    public void setParticipants(List<Participant> replacement) {
        participants.clear();
        for (Participant p : replacement) {
            p.setEventAmount(amount);
            p.setEventOccurredOn(occurredOn);
            participants.add(p);
        }
    }

    public List<String> getTags() {
        return tags;
    }

    public List<Source> getSources() {
        return sources;
    }

}
