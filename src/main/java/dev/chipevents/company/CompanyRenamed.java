package dev.chipevents.company;

import java.util.UUID;

/** Fired inside the transaction when a company's name or ticker changed, so that events that name it can follow. */
public record CompanyRenamed(UUID companyId) {
}
