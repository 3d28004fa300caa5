package dev.chipevents.company;

/** What a company does in the semiconductor market. */
public enum Segment {
    FOUNDRY,
    FABLESS,
    IDM,
    EQUIPMENT,
    MEMORY,
    NETWORKING,
    CLOUD,
    AI_LAB,
    DEVICE_MAKER,
    AUTOMOTIVE,
    SOFTWARE,
    INVESTOR,
    GOVERNMENT,
    INDEX,
    OTHER
}
