package dev.chipevents.event;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.chipevents.company.CompanyUsage;

/** Tells the company side which events still name a company. */
@ApplicationScoped
class EventsNamingCompany implements CompanyUsage {

    private final EventRepository events;

    EventsNamingCompany(EventRepository events) {
        this.events = events;
    }

    @Override
    public List<UUID> eventsNaming(UUID companyId, int max) {
        return events.getEntityManager()
                .createQuery("select distinct e.id from Event e join e.participants p where p.company.id = :id", UUID.class)
                .setParameter("id", companyId).setMaxResults(max).getResultList();
    }
}
