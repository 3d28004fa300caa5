package dev.chipevents.event.links;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which end of a link an event is. */
@Schema(name = "LinkDirection", description = "OUTGOING: the link starts at this event; INCOMING: it starts at the other one.")
public enum LinkDirection {
    OUTGOING,
    INCOMING
}
