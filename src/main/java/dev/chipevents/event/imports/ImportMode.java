package dev.chipevents.event.imports;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import does with a row whose externalId exists: refuse it (insert) or update that event (upsert). */
@Schema(name = "ImportMode", description = "insert refuses rows whose externalId exists; upsert updates those events.")
public enum ImportMode {
    insert,
    upsert
}
