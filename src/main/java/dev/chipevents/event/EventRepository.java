package dev.chipevents.event;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, UUID> {

    public Optional<Event> findByExternalId(String externalId) {
        return find("externalId", externalId).firstResultOptional();
    }

    public List<Event> findNamingCompany(UUID companyId) {
        return getEntityManager().createQuery(
                "select distinct e from Event e join e.participants p where p.company.id = :id", Event.class)
                .setParameter("id", companyId)
                .getResultList();
    }
}
