package dev.chipevents.anchor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.orm.rest.data.panache.PanacheEntityResource;
import io.quarkus.panache.common.Sort;
import io.quarkus.rest.data.panache.ResourceProperties;

/**
 * The generated CRUD resource: GET /events (paged: page, size, sort), GET /events/{id}, POST, PUT,
 * DELETE. Its list filters by equality only, so the type + date page is the one method added by
 * hand, written as the guide's users would: a Panache query, newest first, one page.
 */
@ResourceProperties(path = "events")
public interface EventResource extends PanacheEntityResource<Event, UUID> {

    @GET
    @Path("/by-type")
    @Produces(MediaType.APPLICATION_JSON)
    default List<Event> byTypeAndDates(@QueryParam("type") String type, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to, @QueryParam("size") @DefaultValue("50") int size) {
        return Event.<Event> find("type = ?1 and occurredOn >= ?2 and occurredOn <= ?3",
                Sort.descending("occurredOn", "id"), type, from, to).page(0, size).list();
    }
}
