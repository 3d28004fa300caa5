package dev.chipevents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.chipevents.client.ApiClient;
import dev.chipevents.client.ApiException;
import dev.chipevents.client.api.ApiKeysApi;
import dev.chipevents.client.api.CompaniesApi;
import dev.chipevents.client.api.EventsApi;
import dev.chipevents.client.model.AmountKind;
import dev.chipevents.client.model.ApiKeyRequest;
import dev.chipevents.client.model.Company;
import dev.chipevents.client.model.CompanyRequest;
import dev.chipevents.client.model.Event;
import dev.chipevents.client.model.EventPage;
import dev.chipevents.client.model.EventRequest;
import dev.chipevents.client.model.EventType;
import dev.chipevents.client.model.ParticipantRequest;
import dev.chipevents.client.model.ParticipantRole;
import dev.chipevents.client.model.Segment;

/**
 * The Java client a user generates from openapi/openapi.yaml with openapi-generator (library native), as
 * generated: the build generates and compiles it untouched, and this test calls the packaged app through
 * it. The API key is added the way the generated client allows, with a request interceptor.
 */
class GeneratedClientIT {

    private static final String ADMIN_KEY = "it-admin-key-" + UUID.randomUUID();
    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        app = PackagedApp.startFresh(Files.createTempDirectory("chip-events-client"), Map.of("CHIP_EVENTS_ADMIN_KEY", ADMIN_KEY));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private static ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(app.baseUri());
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("X-API-Key", key));
        }
        return client;
    }

    @Test
    void theGeneratedClientPointsAtTheQuickStartsAddress() {
        assertEquals("http://localhost:8080", new ApiClient().getBaseUri());
    }

    @Test
    void readsFollowsACursorAndWritesWithAKey() throws Exception {
        EventsApi events = new EventsApi(client(null));
        EventPage first = events.listEvents(List.of(EventType.STOCK_MOVE, EventType.EXPORT_CONTROL), null, null, null, null, null, null,
                null, null, null, null, null, null, null, "occurredOn", 1, null, true, null);
        assertEquals(1, first.getItems().size());
        assertNotNull(first.getNextCursor(), "more than one match: a next page");
        assertTrue(first.getTotal() >= 2);
        EventPage second = events.listEvents(List.of(EventType.STOCK_MOVE, EventType.EXPORT_CONTROL), null, null, null, null, null, null,
                null, null, null, null, null, null, null, "occurredOn", 1, first.getNextCursor(), null, null);
        assertNotEquals(first.getItems().get(0).getId(), second.getItems().get(0).getId());
        assertFalse(second.getItems().get(0).getOccurredOn().isBefore(first.getItems().get(0).getOccurredOn()));

        Event one = events.getEvent(first.getItems().get(0).getId(), null, null);
        assertEquals(first.getItems().get(0).getTitle(), one.getTitle());

        String editorKey = new ApiKeysApi(client(ADMIN_KEY))
                .createApiKey(new ApiKeyRequest().name("generated client").role(ApiKeyRequest.RoleEnum.EDITOR)).getKey();
        Company company = new CompaniesApi(client(editorKey))
                .createCompany(new CompanyRequest().name("Client Co " + UUID.randomUUID()).segment(Segment.FABLESS), null);
        Event created = new EventsApi(client(editorKey)).createEvent(new EventRequest().type(EventType.INVESTMENT)
                .occurredOn(LocalDate.of(2025, 2, 3)).title("Made through the generated client")
                .amount(new BigDecimal("1000000")).amountKind(AmountKind.INVESTMENT).currency("USD")
                .addParticipantsItem(new ParticipantRequest().company(company.getName()).role(ParticipantRole.INVESTOR))
                .addParticipantsItem(new ParticipantRequest().company("NVDA").role(ParticipantRole.RECIPIENT)),
                UUID.randomUUID().toString());
        assertEquals(0L, created.getVersion());
        assertEquals(company.getId(), created.getParticipants().get(0).getCompanyId());
        assertEquals("NVDA", created.getParticipants().get(1).getTicker());
        assertTrue(created.getCreatedBy().startsWith("key:generated client ("), created.getCreatedBy());
    }

    @Test
    void aMissingEventIsA404Problem() {
        ApiException missing = assertThrows(ApiException.class,
                () -> new EventsApi(client(null)).getEvent(UUID.fromString("01a22356-0000-7000-8000-000000000000"), null, null));
        assertEquals(404, missing.getCode());
        assertTrue(missing.getResponseBody().contains("urn:chip-events:problem:not-found"), missing.getResponseBody());
    }
}
