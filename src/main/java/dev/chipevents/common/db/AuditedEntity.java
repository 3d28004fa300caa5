package dev.chipevents.common.db;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every resource of the ledger carries: its id, when and by whom it was created and last
 * changed, and the version its ETag is made of (optimistic locking).
 */
@MappedSuperclass
public abstract class AuditedEntity {

    @Id
    private UUID id;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(nullable = false)
    private long version;

    @Column(name = "created_by", length = 200)
    private String createdBy;

    @Column(name = "updated_by", length = 200)
    private String updatedBy;

    protected AuditedEntity() {
    }

    protected AuditedEntity(UUID id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    /** The fields the server owns, by their name in the API. */
    public Map<String, Object> serverOwnedFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", id);
        fields.put("version", version);
        fields.put("createdAt", createdAt);
        fields.put("updatedAt", updatedAt);
        fields.put("createdBy", createdBy);
        fields.put("updatedBy", updatedBy);
        return fields;
    }

    /** Records who made a change and when; the creator is set once. */
    public void changedBy(String actor, Instant at) {
        if (createdBy == null) {
            createdBy = actor;
        }
        updatedBy = actor;
        updatedAt = at;
    }
}
