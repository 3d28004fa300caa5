package dev.chipevents.history;

/**
 * A recorded state that knows its version, so that recording it need not read the version back out of its JSON.
 * The API's answers for events and companies are such states.
 */
public interface Versioned {

    /** The version this state has: the number its ETag quotes. */
    long version();
}
