package dev.chipevents.event.links;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A link as it reads from one of its ends: its type from where it starts, the inverse reading from where it ends. */
@Schema(name = "LinkRelation", description = """
        How a link reads from this event: the link's type where it starts (CAUSED, RESPONDS_TO, RESTATES, FOLLOWS_UP, \
        PART_OF), its inverse where it ends (CAUSED_BY, ANSWERED_BY, RESTATED_BY, FOLLOWED_UP_BY, HAS_PART).""")
public enum LinkRelation {
    CAUSED,
    CAUSED_BY,
    RESPONDS_TO,
    ANSWERED_BY,
    RESTATES,
    RESTATED_BY,
    FOLLOWS_UP,
    FOLLOWED_UP_BY,
    PART_OF,
    HAS_PART
}
