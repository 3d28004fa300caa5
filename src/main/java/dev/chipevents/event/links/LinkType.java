package dev.chipevents.event.links;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one event is linked to another: a directed relation, read from the event the link starts at. */
@Schema(name = "LinkType", description = """
        A directed relation from one event to another. CAUSED: the first brought the second about (read from the other \
        end: CAUSED_BY); no chain of CAUSED links may lead back to where it started. RESPONDS_TO: the first answers the \
        second (ANSWERED_BY). RESTATES: the first restates or corrects the facts of the second (RESTATED_BY). FOLLOWS_UP: \
        the first continues or updates the second, such as a rule that tightens an earlier one (FOLLOWED_UP_BY). PART_OF: \
        the first belongs to the second, such as an award under a programme (HAS_PART).""")
public enum LinkType {

    CAUSED(LinkRelation.CAUSED, LinkRelation.CAUSED_BY),
    RESPONDS_TO(LinkRelation.RESPONDS_TO, LinkRelation.ANSWERED_BY),
    RESTATES(LinkRelation.RESTATES, LinkRelation.RESTATED_BY),
    FOLLOWS_UP(LinkRelation.FOLLOWS_UP, LinkRelation.FOLLOWED_UP_BY),
    PART_OF(LinkRelation.PART_OF, LinkRelation.HAS_PART);

    private final LinkRelation outgoing;
    private final LinkRelation incoming;

    LinkType(LinkRelation outgoing, LinkRelation incoming) {
        this.outgoing = outgoing;
        this.incoming = incoming;
    }

    /** How the link reads from one of its ends. */
    public LinkRelation readFrom(LinkDirection direction) {
        return direction == LinkDirection.OUTGOING ? outgoing : incoming;
    }
}
