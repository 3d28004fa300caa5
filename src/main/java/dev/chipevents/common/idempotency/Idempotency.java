package dev.chipevents.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.db.Sql;
import dev.chipevents.common.problem.ConflictProblem;
import dev.chipevents.common.problem.InvalidRequestProblem;
import dev.chipevents.common.problem.UnprocessableProblem;
import dev.chipevents.common.security.Actor;
import dev.chipevents.common.validation.PlainText;

/**
 * Idempotency-Key (IETF httpapi draft) for POSTs: the first answer to a key is kept in the database
 * (so every replica agrees) and replayed to retries with the same body; the same key with another
 * body is a 422; a retry while the first request still runs gets 409.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(Idempotency.class);
    /** A record still in flight after this long is taken as abandoned (its process died). */
    private static final Duration ABANDONED = Duration.ofMinutes(2);

    private final Sql sql;
    private final ObjectMapper json;
    private final Actor actor;
    private final Duration retention;

    public Idempotency(Sql sql, ObjectMapper json, Actor actor, ChipEventsConfig config) {
        this.sql = sql;
        this.json = json;
        this.actor = actor;
        this.retention = config.idempotency().retention();
    }

    private record Stored(String requestHash, Integer status, String location, String etag, String body, Instant createdAt,
            Instant expiresAt) {
    }

    /** Runs the action once per key; `request` is what identifies the body (a parsed request or the raw text). */
    public Response execute(String key, String operation, Object request, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 255 || !PlainText.Validator.isPlain(key)) {
            throw new InvalidRequestProblem(HEADER, "must be 1 to 255 characters without control characters");
        }
        String principal = actor.name();
        String hash = hash(request);
        Response earlier = QuarkusTransaction.requiringNew().call(() -> begin(principal, key, operation, hash));
        if (earlier != null) {
            return earlier;
        }
        Response answer;
        try {
            answer = action.get();
        } catch (RuntimeException e) {
            forget(principal, key, operation);
            throw e;
        }
        if (answer.getStatus() >= 400) {
            forget(principal, key, operation);
            return answer;
        }
        complete(principal, key, operation, answer);
        return answer;
    }

    private Response begin(String principal, String key, String operation, String hash) {
        Stored stored = find(principal, key, operation);
        Instant now = Clocks.now();
        if (stored != null && (stored.expiresAt().isBefore(now)
                || (stored.status() == null && stored.createdAt().plus(ABANDONED).isBefore(now)))) {
            delete(principal, key, operation);
            stored = null;
        }
        if (stored == null) {
            // A concurrent first request inserts the same key: this insert then fails and the caller gets 409.
            try {
                sql.update("insert into idempotency_record (principal, idem_key, operation, request_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?)", principal, key, operation, hash, now, now.plus(retention));
            } catch (RuntimeException e) {
                throw new ConflictProblem("A request with this Idempotency-Key is being processed; retry in a moment.");
            }
            return null;
        }
        if (!stored.requestHash().equals(hash)) {
            throw new UnprocessableProblem("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used with another request body; use a new key for a new request.");
        }
        if (stored.status() == null) {
            throw new ConflictProblem("A request with this Idempotency-Key is being processed; retry in a moment.");
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).header("Idempotent-Replayed", "true");
        if (stored.body() != null) {
            replay.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE);
        }
        if (stored.location() != null) {
            replay.header("Location", stored.location());
        }
        if (stored.etag() != null) {
            replay.header("ETag", stored.etag());
        }
        return replay.build();
    }

    private void complete(String principal, String key, String operation, Response answer) {
        String body;
        try {
            body = answer.getEntity() == null ? null
                    : answer.getEntity() instanceof String text ? text : json.writeValueAsString(answer.getEntity());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String location = answer.getHeaderString("Location");
        String etag = answer.getHeaderString("ETag");
        QuarkusTransaction.requiringNew().run(() -> sql.update("update idempotency_record set status = ?, location = ?, etag = ?,"
                + " body = ? where principal = ? and idem_key = ? and operation = ?", answer.getStatus(), location, etag, body, principal,
                key, operation));
    }

    private void forget(String principal, String key, String operation) {
        QuarkusTransaction.requiringNew().run(() -> delete(principal, key, operation));
    }

    private void delete(String principal, String key, String operation) {
        sql.update("delete from idempotency_record where principal = ? and idem_key = ? and operation = ?", principal, key, operation);
    }

    private Stored find(String principal, String key, String operation) {
        List<Stored> rows = sql.query("select request_hash, status, location, etag, body, created_at, expires_at"
                + " from idempotency_record where principal = ? and idem_key = ? and operation = ?", List.of(principal, key, operation),
                r -> new Stored(r.getString(1), r.getObject(2, Integer.class), r.getString(3), r.getString(4), r.getString(5),
                        Sql.instant(r, 6), Sql.instant(r, 7)));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private String hash(Object request) {
        try {
            byte[] bytes = request instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Forgets the keys whose retention is over (CHIP_EVENTS_IDEMPOTENCY_RETENTION): a minute after start, then every hour;
     * never once the application is stopping.
     */
    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        int purged = QuarkusTransaction.requiringNew()
                .call(() -> sql.update("delete from idempotency_record where expires_at < ?", Clocks.now()));
        if (purged > 0) {
            LOG.debugf("Purged %d expired Idempotency-Key records", purged);
        }
    }
}
