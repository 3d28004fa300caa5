package dev.chipevents.event.links;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.chipevents.event.Source;

/**
 * A directed, typed link from one event to another. It is part of the state of both events: making or
 * removing one records a revision of each, so history, asOf and restore see links like any other field.
 */
@Entity
@Table(name = "event_link")
public class EventLink {

    @Id
    private UUID id;

    @Column(name = "from_event_id", nullable = false)
    private UUID fromEventId;

    @Column(name = "to_event_id", nullable = false)
    private UUID toEventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private LinkType type;

    @Column(length = 1000)
    private String note;

    @Embedded
    @AttributeOverride(name = "url", column = @Column(name = "source_url", length = 2048))
    @AttributeOverride(name = "publisher", column = @Column(name = "source_publisher", length = 200))
    @AttributeOverride(name = "title", column = @Column(name = "source_title", length = 300))
    @AttributeOverride(name = "publishedOn", column = @Column(name = "source_published_on"))
    private Source source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 200)
    private String createdBy;

    protected EventLink() {
    }

    public EventLink(UUID id, UUID fromEventId, UUID toEventId, LinkType type, String note, Source source, Instant createdAt,
            String createdBy) {
        this.id = id;
        this.fromEventId = fromEventId;
        this.toEventId = toEventId;
        this.type = type;
        this.note = note;
        this.source = source;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public UUID getId() {
        return id;
    }

    public UUID getFromEventId() {
        return fromEventId;
    }

    public UUID getToEventId() {
        return toEventId;
    }

    public LinkType getType() {
        return type;
    }

    public String getNote() {
        return note;
    }

    public Source getSource() {
        return source;
    }

    /** The event at the end that is not the given one. */
    public UUID otherEnd(UUID eventId) {
        return eventId.equals(fromEventId) ? toEventId : fromEventId;
    }
}
