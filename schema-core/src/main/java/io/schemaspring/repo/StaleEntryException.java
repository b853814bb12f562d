package io.schemaspring.repo;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * An update or delete matched no row: the struct is stale (deleted, or changed by someone
 * else), Ecto's {@code Ecto.StaleEntryError}.
 */
public class StaleEntryException extends OptimisticLockingFailureException {

    /** Names the action, the schema and the key that matched no row. */
    public StaleEntryException(String action, Class<?> schema, Object id) {
        super("attempted to " + action + " a stale struct: no " + schema.getSimpleName() + " with " + id
                + " matched (it was deleted or changed since it was loaded)");
    }

    StaleEntryException(String message) {
        super(message);
    }

}
