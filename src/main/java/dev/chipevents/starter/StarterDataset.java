package dev.chipevents.starter;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.db.Sql;
import dev.chipevents.common.security.Actor;
import dev.chipevents.company.CompanyRequest;
import dev.chipevents.company.CompanyService;
import dev.chipevents.company.Segment;
import dev.chipevents.event.AmountKind;
import dev.chipevents.event.DatePrecision;
import dev.chipevents.event.EventCommands;
import dev.chipevents.event.EventRequest;
import dev.chipevents.event.EventType;
import dev.chipevents.event.ParticipantRequest;
import dev.chipevents.event.ParticipantRole;
import dev.chipevents.event.Source;
import dev.chipevents.event.SourceDto;
import dev.chipevents.event.links.EventLink;
import dev.chipevents.event.links.LinkCommands;
import dev.chipevents.event.links.LinkType;

/**
 * Loads the starter dataset (the events behind the GZERO Media article the service grew from) into
 * an empty database, once: a marker row records that it was loaded, so a restart never loads it
 * again and an event a user deleted stays deleted. Its records have fixed ids, so that the examples
 * of the API document (Swagger UI) name records that exist on a fresh start.
 */
@ApplicationScoped
public class StarterDataset {

    static final String MARKER = "starter-dataset-loaded";
    private static final Logger LOG = Logger.getLogger(StarterDataset.class);

    private final ChipEventsConfig config;
    private final CompanyService companies;
    private final EventCommands events;
    private final LinkCommands links;
    private final Sql sql;
    private final Validator validator;
    private final ObjectMapper json;

    public StarterDataset(ChipEventsConfig config, CompanyService companies, EventCommands events, LinkCommands links, Sql sql,
            Validator validator, ObjectMapper json) {
        this.config = config;
        this.companies = companies;
        this.events = events;
        this.links = links;
        this.sql = sql;
        this.validator = validator;
        this.json = json;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.starterDataset().enabled()) {
            LOG.info("Starter dataset disabled (chip-events.starter-dataset.enabled=false)");
            return;
        }
        try {
            boolean loaded = QuarkusTransaction.requiringNew().call(this::loadIfNew);
            if (loaded) {
                LOG.info("Starter dataset loaded");
            }
        } catch (RuntimeException e) {
            // Another replica loading it at the same moment holds the marker: nothing to do here.
            LOG.warnf("Starter dataset not loaded by this instance: %s", e.getMessage());
        }
    }

    private boolean loadIfNew() throws IOException {
        long marked = sql.query("select count(*) from app_state where state_key = ?", List.of(MARKER), row -> row.getLong(1)).get(0);
        if (marked > 0) {
            return false;
        }
        sql.update("insert into app_state (state_key, state_value, updated_at) values (?, ?, ?)", MARKER, "true", Clocks.now());
        Dataset dataset = read(json);
        Map<String, UUID> ids = new HashMap<>();
        for (StarterCompany company : dataset.companies()) {
            CompanyRequest request = new CompanyRequest(company.name(), company.ticker(), company.exchange(), company.country(),
                    company.segment(), company.website());
            check(request);
            ids.put(company.name(), companies.create(request, company.id()).id());
        }
        for (StarterEvent e : dataset.events()) {
            List<ParticipantRequest> participants = e.participants().stream()
                    .map(p -> ParticipantRequest.byId(require(ids, p.company()), p.role())).toList();
            EventRequest request = e.toRequest(participants);
            check(request);
            events.create(request, e.id());
        }
        links.createAll(dataset.links().stream().map(StarterLink::toLink).toList());
        return true;
    }

    /** The dataset as the resource holds it, strictly read (an unknown field is a mistake in the file). */
    static Dataset read(ObjectMapper json) throws IOException {
        try (InputStream in = StarterDataset.class.getResourceAsStream("/starter/starter-dataset.json")) {
            return json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true).readValue(in, Dataset.class);
        }
    }

    private static UUID require(Map<String, UUID> ids, String name) {
        UUID id = ids.get(name);
        if (id == null) {
            throw new IllegalStateException("Starter dataset names an unknown company: " + name);
        }
        return id;
    }

    private <T> void check(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Starter dataset is invalid: " + violations);
        }
    }

    /** The starter dataset: companies, events and the links between events, each with a fixed id. */
    public record Dataset(List<StarterCompany> companies, List<StarterEvent> events, List<StarterLink> links) {
    }

    /** A company with the fixed id that examples in the API document name. */
    public record StarterCompany(UUID id, String name, String ticker, String exchange, String country, Segment segment, String website) {
    }

    public record StarterParticipant(String company, ParticipantRole role) {
    }

    public record StarterEvent(UUID id, String externalId, EventType type, LocalDate occurredOn, DatePrecision datePrecision, String title,
            String summary, BigDecimal amount, AmountKind amountKind, String currency, BigDecimal percentChange, String country,
            List<StarterParticipant> participants, List<String> tags, List<SourceDto> sources) {

        EventRequest toRequest(List<ParticipantRequest> participants) {
            return new EventRequest(type, occurredOn, datePrecision, title, summary, amount, amountKind, currency, percentChange, country,
                    participants, tags, sources, externalId, null);
        }
    }

    /** A link from one starter event to another, by their ids. */
    public record StarterLink(UUID id, UUID from, UUID to, LinkType type, String note, SourceDto source) {

        EventLink toLink() {
            Source linkSource = source == null ? null : new Source(source.url(), source.publisher(), source.title(), source.publishedOn());
            return new EventLink(id, from, to, type, note, linkSource, Clocks.now(), Actor.SYSTEM);
        }
    }
}
