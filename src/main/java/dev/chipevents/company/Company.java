package dev.chipevents.company;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import dev.chipevents.common.db.AuditedEntity;

@Entity
@Table(name = "company")
public class Company extends AuditedEntity {

    @Column(nullable = false, length = 200)
    private String name;

    /** Lower-cased name: names are unique regardless of case. */
    @Column(name = "name_key", nullable = false, length = 200)
    private String nameKey;

    @Column(length = 16)
    private String ticker;

    @Column(length = 64)
    private String exchange;

    @Column(length = 2)
    private String country;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Segment segment;

    @Column(length = 2048)
    private String website;

    protected Company() {
    }

    public Company(UUID id, Instant createdAt) {
        super(id, createdAt);
    }

    public static String keyOf(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
        this.nameKey = keyOf(name);
    }

    public String getNameKey() {
        return nameKey;
    }

    public String getTicker() {
        return ticker;
    }

    public void setTicker(String ticker) {
        this.ticker = ticker;
    }

    public String getExchange() {
        return exchange;
    }

    public void setExchange(String exchange) {
        this.exchange = exchange;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public Segment getSegment() {
        return segment;
    }

    public void setSegment(Segment segment) {
        this.segment = segment;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

}
