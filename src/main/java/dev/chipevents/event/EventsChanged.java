package dev.chipevents.event;

/** Fired inside a transaction that created, changed or deleted events; observers act once it commits. */
record EventsChanged() {
    static final EventsChanged INSTANCE = new EventsChanged();
}
