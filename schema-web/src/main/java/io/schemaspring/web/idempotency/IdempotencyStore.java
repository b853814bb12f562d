package io.schemaspring.web.idempotency;

import io.schemaspring.query.OnConflict;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.query.UpdateAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code schema_idempotency_keys} table, written through a repository of its own on
 * the application's connections, so that a claim and its outcome join the transaction of
 * the write they describe. Expired keys count as unknown; they are purged in a
 * transaction of their own, at most once a minute.
 */
final class IdempotencyStore {

    private static final Log logger = LogFactory.getLog(IdempotencyStore.class);

    private static final long PURGE_EVERY_MILLIS = 60_000;

    private final Repo repo;

    private final TransactionTemplate ownTransaction;

    private final Duration retention;

    private final Clock clock;

    private final AtomicLong nextPurge = new AtomicLong();

    IdempotencyStore(Repo repo, PlatformTransactionManager transactions, Duration retention, Clock clock) {
        this.repo = repo;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Claims the key for this request inside the caller's transaction: {@code null} when
     * it was free (or held by an expired outcome), else what is stored under it, empty
     * while the request that claimed it has not committed. On PostgreSQL a concurrent
     * claim waits for that one.
     */
    @Nullable Optional<IdempotencyRecord> claim(String key, String requestHash) {
        if (insert(key, requestHash)) {
            return null;
        }
        Optional<IdempotencyRecord> found = find(key);
        if (found.isPresent() && found.get().createdAt.isBefore(this.clock.instant().minus(this.retention))) {
            this.repo.deleteAll(Query.from(IdempotencyRecord.class).where("idempotencyKey", key));
            if (insert(key, requestHash)) {
                return null;
            }
            return find(key);
        }
        return found;
    }

    private boolean insert(String key, String requestHash) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.idempotencyKey = key;
        record.requestHash = requestHash;
        record.createdAt = this.clock.instant();
        try {
            return this.repo.insertAll(List.of(record), OnConflict.nothing()) == 1;
        }
        catch (DuplicateKeyException raced) {
            // H2's MERGE is not atomic against a concurrent insert of the same key
            return false;
        }
    }

    Optional<IdempotencyRecord> find(String key) {
        return this.repo.get(IdempotencyRecord.class, key);
    }

    /**
     * Gives a claimed key up, for a request whose outcome cannot be stored (it went on
     * asynchronously).
     */
    void release(String key) {
        this.repo.deleteAll(Query.from(IdempotencyRecord.class).where("idempotencyKey", key));
    }

    /**
     * Stores the outcome of the claimed key's request, in the same transaction as its
     * writes.
     */
    void complete(String key, int status, @Nullable String contentType, @Nullable String location,
            @Nullable String etag, byte[] body) {
        this.repo.updateAll(Query.from(IdempotencyRecord.class).where("idempotencyKey", key),
                UpdateAll.create()
                    .set("status", status)
                    .set("contentType", contentType)
                    .set("location", location)
                    .set("etag", etag)
                    .set("body", body));
    }

    /**
     * Deletes the expired outcomes, in a transaction of its own, at most once a minute.
     */
    void purgeExpired() {
        Instant now = this.clock.instant();
        long next = this.nextPurge.get();
        if (now.toEpochMilli() < next || !this.nextPurge.compareAndSet(next, now.toEpochMilli() + PURGE_EVERY_MILLIS)) {
            return;
        }
        try {
            this.ownTransaction.executeWithoutResult(status -> this.repo.deleteAll(
                    Query.from(IdempotencyRecord.class).where("createdAt", Query.Op.LT, now.minus(this.retention))));
        }
        catch (DataAccessException ex) {
            this.nextPurge.set(0);
            logger.debug("Could not purge the expired idempotency keys", ex);
        }
    }

}
