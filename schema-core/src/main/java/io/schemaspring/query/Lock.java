package io.schemaspring.query;

/**
 * The row lock of {@link Query#lock(Lock)}, Ecto's {@code lock: "FOR UPDATE"}: rendered
 * as the dialect spells it, refused before any SQL where the database lacks it.
 */
public enum Lock {

    /**
     * {@code FOR UPDATE}: the rows cannot be changed or locked by others until the
     * transaction ends.
     */
    FOR_UPDATE,
    /**
     * {@code FOR SHARE}: others may read and share-lock the rows, but not change them.
     */
    FOR_SHARE,
    /**
     * {@code FOR UPDATE NOWAIT}: fails at once instead of waiting for a row another
     * transaction locked.
     */
    FOR_UPDATE_NOWAIT,
    /** {@code FOR UPDATE SKIP LOCKED}: leaves out the rows another transaction locked. */
    FOR_UPDATE_SKIP_LOCKED

}
