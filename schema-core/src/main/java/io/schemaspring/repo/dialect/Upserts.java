package io.schemaspring.repo.dialect;

import java.sql.SQLException;
import java.sql.Statement;
import org.jspecify.annotations.Nullable;

/**
 * How a dialect writes an insert that updates or keeps the existing row on a key conflict
 * (Ecto's {@code on_conflict}), alone and in batches, and what the database requires of
 * it.
 */
public interface Upserts {

    /**
     * The whole statement inserting a row or, on a key conflict, updating or keeping the
     * existing row.
     */
    String upsert(Upsert upsert);

    /**
     * The statement of a batch of upserts ({@code insertAll} with a conflict clause),
     * whose update counts must count only the rows inserted or changed; by default
     * {@link #upsert(Upsert)}.
     */
    default String upsertAll(Upsert upsert) {
        return upsert(upsert);
    }

    /**
     * The rows a batch wrote, from its update counts; a count the driver does not know is
     * one row.
     */
    default int batchRowCount(int[] counts, Statement statement) throws SQLException {
        int rows = 0;
        for (int count : counts) {
            rows += (count == Statement.SUCCESS_NO_INFO) ? 1 : count;
        }
        return rows;
    }

    /**
     * An error the database only warned about while running {@link #upsertAll(Upsert)},
     * which must fail the batch (and roll it back); {@code null} when there is none, as
     * by default.
     */
    default @Nullable SQLException upsertAllFailure(Statement statement) throws SQLException {
        return null;
    }

    /**
     * Whether an upsert must name its conflict target ({@code nothing}: it keeps the
     * existing row); by default always, as {@code MERGE} matches on it.
     */
    default boolean needsTarget(boolean nothing) {
        return true;
    }

    /**
     * Whether an upsert keeping the existing row without a target can name the table's
     * unique keys ({@link Upsert#anyKeys()}) where {@link #needsTarget(boolean)} would
     * refuse it.
     */
    default boolean takesAnyKey() {
        return false;
    }

    /**
     * Whether {@link #upsert(Upsert)} writes {@link Upsert#condition()}; by default not,
     * so that an upsert with a condition is refused before SQL rather than run without
     * it.
     */
    default boolean takesCondition() {
        return false;
    }

    /**
     * Whether the parameters of {@link Upsert#condition()} come before those of the
     * assignments (the condition is written first); by default after.
     */
    default boolean bindsConditionFirst() {
        return false;
    }

    /**
     * Whether an upsert can fail with a duplicate key when another transaction inserts
     * the same key concurrently (H2's {@code MERGE} is not atomic against concurrent
     * inserts), so that the repository runs it once more; {@code ON CONFLICT} and
     * {@code ON DUPLICATE KEY} cannot.
     */
    default boolean mayRaceWithAnInsert() {
        return false;
    }

}
