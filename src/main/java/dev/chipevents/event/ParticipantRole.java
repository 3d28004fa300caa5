package dev.chipevents.event;

/** The part a company plays in an event. */
public enum ParticipantRole {
    SUBJECT,
    ACQUIRER,
    TARGET,
    INVESTOR,
    RECIPIENT,
    ISSUER,
    BACKER,
    PARTNER,
    SUPPLIER,
    CUSTOMER,
    HOST,
    PROVIDER,
    REGULATOR,
    AFFECTED,
    INDEX
}
