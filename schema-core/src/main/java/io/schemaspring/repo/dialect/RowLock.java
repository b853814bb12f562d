package io.schemaspring.repo.dialect;

import io.schemaspring.query.Lock;
import java.util.Objects;

/**
 * A row lock a SELECT takes: {@code FOR UPDATE} or {@code FOR SHARE}, waiting for other
 * locks, failing at once ({@code NOWAIT}) or skipping locked rows ({@code SKIP LOCKED}).
 * A {@link Dialect} renders it or refuses what its database lacks.
 */
public record RowLock(Strength strength, Wait waitMode) {

    /**
     * Who else may lock the rows: nobody ({@code UPDATE}) or other readers
     * ({@code SHARE}).
     */
    public enum Strength {

        UPDATE, SHARE

    }

    /** What happens when another transaction holds a conflicting lock. */
    public enum Wait {

        WAIT, NOWAIT, SKIP_LOCKED

    }

    /** Refuses a null strength or wait. */
    public RowLock {
        Objects.requireNonNull(strength, "Lock strength must not be null");
        Objects.requireNonNull(waitMode, "Lock wait must not be null");
    }

    /** The row lock a query's {@link Lock} asks for. */
    public static RowLock of(Lock lock) {
        return switch (lock) {
            case FOR_UPDATE -> forUpdate();
            case FOR_SHARE -> forShare();
            case FOR_UPDATE_NOWAIT -> forUpdate().nowait();
            case FOR_UPDATE_SKIP_LOCKED -> forUpdate().skipLocked();
        };
    }

    /** {@code FOR UPDATE}, waiting for other locks. */
    public static RowLock forUpdate() {
        return new RowLock(Strength.UPDATE, Wait.WAIT);
    }

    /** {@code FOR SHARE}, waiting for other locks. */
    public static RowLock forShare() {
        return new RowLock(Strength.SHARE, Wait.WAIT);
    }

    /** The same strength, failing at once on a locked row ({@code NOWAIT}). */
    public RowLock nowait() {
        return new RowLock(this.strength, Wait.NOWAIT);
    }

    /** The same strength, leaving out locked rows ({@code SKIP LOCKED}). */
    public RowLock skipLocked() {
        return new RowLock(this.strength, Wait.SKIP_LOCKED);
    }

    /**
     * {@code ""}, {@code " NOWAIT"} or {@code " SKIP LOCKED"}: the standard spelling of
     * the wait.
     */
    public String waitSuffix() {
        return this.waitMode == Wait.WAIT ? "" : " " + this.waitMode.name().replace('_', ' ');
    }

    /**
     * The standard spelling, such as {@code FOR SHARE SKIP LOCKED}, as error messages
     * name the lock.
     */
    @Override
    public String toString() {
        return "FOR " + this.strength + waitSuffix();
    }
}
