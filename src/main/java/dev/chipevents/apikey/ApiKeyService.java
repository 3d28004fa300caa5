package dev.chipevents.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import dev.chipevents.common.Clocks;
import dev.chipevents.common.Ids;
import dev.chipevents.common.config.ChipEventsConfig;
import dev.chipevents.common.paging.KeysetPager;
import dev.chipevents.common.paging.KeysetPager.SortColumn;
import dev.chipevents.common.problem.NotFoundProblem;
import dev.chipevents.common.security.Actor;
import dev.chipevents.common.security.Roles;

@ApplicationScoped
@Transactional
public class ApiKeyService {

    /** The principal name of the operator's bootstrap key (CHIP_EVENTS_ADMIN_KEY). */
    public static final String BOOTSTRAP_ADMIN = Actor.BOOTSTRAP_ADMIN;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Oldest first, then by id: the order of the list and its cursor. */
    private static final List<SortColumn<ApiKey>> ORDER = List.of(
            new SortColumn<>("k.createdAt", false, false, Instant::parse, ApiKey::getCreatedAt),
            new SortColumn<>("k.id", false, false, UUID::fromString, ApiKey::getId));

    private final ApiKeyRepository keys;
    private final KeysetPager pager;
    private final ChipEventsConfig config;
    private final Actor actor;

    public ApiKeyService(ApiKeyRepository keys, KeysetPager pager, ChipEventsConfig config, Actor actor) {
        this.keys = keys;
        this.pager = pager;
        this.config = config;
        this.actor = actor;
    }

    /**
     * Who a presented secret belongs to: the key's id (what limits and retries are counted by), how
     * changes name it (`key:nightly importer (0193…)`), and its role.
     */
    public record Holder(String principal, String displayName, String role) {
    }

    public Optional<Holder> authenticate(String secret) {
        Optional<String> bootstrap = config.adminKey().filter(k -> !k.isBlank());
        if (bootstrap.isPresent() && MessageDigest.isEqual(bootstrap.get().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(new Holder(BOOTSTRAP_ADMIN, BOOTSTRAP_ADMIN, Roles.ADMIN));
        }
        return keys.findActiveByHash(hash(secret))
                .map(k -> new Holder(k.getId().toString(), Actor.KEY_PREFIX + k.getName() + " (" + k.getId() + ")", k.getRole()));
    }

    public ApiKeyCreated create(ApiKeyRequest request) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "ce_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiKey key = new ApiKey(Ids.newId(), request.name(), request.role(), hash(secret), secret.substring(0, 7), Clocks.now(),
                actor.name());
        keys.persist(key);
        return new ApiKeyCreated(key.getId(), key.getName(), key.getRole(), secret, key.getCreatedAt());
    }

    /** Keys oldest first, a page at a time. */
    public ApiKeyPage list(int limit, String cursor) {
        KeysetPager.Page<ApiKey> page = pager.page("api-keys", ORDER, cursor, limit, (after, max) -> {
            TypedQuery<ApiKey> select = keys.getEntityManager()
                    .createQuery("from ApiKey k" + after.appendTo("") + " order by k.createdAt, k.id", ApiKey.class).setMaxResults(max);
            after.parameters().forEach(select::setParameter);
            return select.getResultList();
        });
        return new ApiKeyPage(page.items().stream().map(ApiKeyResponse::of).toList(), page.nextCursor());
    }

    public void revoke(UUID id) {
        ApiKey key = keys.findById(id);
        if (key == null) {
            throw new NotFoundProblem("API key", id);
        }
        if (key.getRevokedAt() == null) {
            key.revoke(Clocks.now());
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
