package dev.chipevents.changes;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the change log, for clients that poll instead of holding a stream. */
@Schema(name = "ChangePage", description = "The changes after `since` that match the filters, oldest first.")
public record ChangePage(
        @Schema(required = true) List<ChangeEntry> items,
        @Schema(required = true, examples = "1042", description = "Pass as `since` for the next page: the last change looked at,"
                + " matching or not.") long nextSince,
        @Schema(required = true, description = "True when more changes were committed after `nextSince` already.") boolean more) {
}
