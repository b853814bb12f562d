package io.schemaspring.web.idempotency;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.OnConflict;
import io.schemaspring.repo.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.UpdateAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The {@code schema_idempotency_keys} table, written through a repository of its own on the
 * application's connections, so that its rows join the transaction of the write they describe.
 * Keys older than the retention are treated as unknown and purged, at most once a minute.
 */
final class IdempotencyStore {

    private static final long PURGE_EVERY_MILLIS = 60_000;

    private final Repo repo;

    private final Duration retention;

    private final Clock clock;

    private final AtomicLong nextPurge = new AtomicLong();

    IdempotencyStore(Repo repo, Duration retention, Clock clock) {
        this.repo = repo;
        this.retention = retention;
        this.clock = clock;
    }

    static SchemaRegistry registry() {
        return IdempotencyRecord.REGISTRY;
    }

    /**
     * Claims the key for this request, inside the caller's transaction: {@code true} when it was
     * free. A concurrent claim of the same key waits for the first transaction to end.
     */
    boolean claim(String key, String requestHash) {
        Instant now = this.clock.instant();
        Instant expired = now.minus(this.retention);
        purgeNow(now, expired);
        this.repo.deleteAll(Query.from(IdempotencyRecord.class).where("idempotencyKey", key)
                .where("createdAt", Query.Op.LT, expired));
        IdempotencyRecord record = new IdempotencyRecord();
        record.idempotencyKey = key;
        record.requestHash = requestHash;
        record.createdAt = now;
        return this.repo.insertAll(List.of(record), OnConflict.nothing()) == 1;
    }

    Optional<IdempotencyRecord> find(String key) {
        return this.repo.get(IdempotencyRecord.class, key);
    }

    /** Stores the outcome of the claimed key's request, in the same transaction as its writes. */
    void complete(String key, int status, @Nullable String contentType, @Nullable String location, byte[] body) {
        this.repo.updateAll(Query.from(IdempotencyRecord.class).where("idempotencyKey", key), UpdateAll.create()
                .set("status", status).set("contentType", contentType).set("location", location).set("body", body));
    }

    private void purgeNow(Instant now, Instant expired) {
        long next = this.nextPurge.get();
        if (now.toEpochMilli() >= next && this.nextPurge.compareAndSet(next, now.toEpochMilli() + PURGE_EVERY_MILLIS)) {
            this.repo.deleteAll(Query.from(IdempotencyRecord.class).where("createdAt", Query.Op.LT, expired));
        }
    }
}
