package dev.chipevents.anchor;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.UuidGenerator;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The service's event row as the REST Data with Panache guide would map it: public fields, the entity
 * is the JSON. Ids are time-ordered (version 7) like the service's, so both append to the key index.
 */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public UUID id;

    @Column(nullable = false, length = 32)
    public String type;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Column(name = "date_precision", nullable = false, length = 16)
    public String datePrecision;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 4000)
    public String summary;

    @Column(precision = 24, scale = 4)
    public BigDecimal amount;

    @Column(length = 3)
    public String currency;

    @Column(name = "percent_change", precision = 10, scale = 4)
    public BigDecimal percentChange;

    @Column(length = 2)
    public String country;

    @Column(name = "external_id", length = 100)
    public String externalId;

    /** Filled from title and summary on every write; kept out of the JSON, as the service keeps it. */
    @JsonIgnore
    @Column(name = "search_text", nullable = false, length = 20000)
    public String searchText;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_by", length = 200)
    public String createdBy;

    @Column(name = "updated_by", length = 200)
    public String updatedBy;

    @PrePersist
    @PreUpdate
    void stamp() {
        Instant now = Instant.now();
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
        if (datePrecision == null) {
            datePrecision = "DAY";
        }
        // What the service searches: the lower-cased text of the row.
        searchText = (title + " " + (summary == null ? "" : summary)).toLowerCase(Locale.ROOT);
    }
}
