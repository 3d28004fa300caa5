package dev.chipevents.company;

import java.util.List;
import java.util.UUID;

/** Who still names a company, so that it is not deleted from under them (implemented where events live). */
public interface CompanyUsage {

    /** Ids of at most `max` events that name the company. */
    List<UUID> eventsNaming(UUID companyId, int max);
}
