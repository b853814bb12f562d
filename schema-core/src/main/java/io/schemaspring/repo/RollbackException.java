package io.schemaspring.repo;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link Repo#rollback(Object)}, Ecto's {@code Repo.rollback/1}: it leaves the
 * work of the transaction at once. In a {@code Multi.run} step, {@code repo.transaction}
 * answers the step failed with the value and rolls back; elsewhere, as any unchecked
 * exception, it rolls back the surrounding Spring transaction and reaches its caller.
 */
public class RollbackException extends RuntimeException {

    private final transient @Nullable Object value;

    /** Carries the value the rollback answers. */
    public RollbackException(@Nullable Object value) {
        super("rolled back with " + value, null, false, false);
        this.value = value;
    }

    /** The value given to {@code rollback}, Ecto's {@code {:error, value}}. */
    public @Nullable Object value() {
        return this.value;
    }

}
