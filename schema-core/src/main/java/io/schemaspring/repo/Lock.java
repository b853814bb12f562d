package io.schemaspring.repo;

import io.schemaspring.repo.dialect.RowLock;

/** The row lock of {@link Query#lock(Lock)}, Ecto's {@code lock: "FOR UPDATE"}: rendered as the dialect spells it. */
public enum Lock {
    FOR_UPDATE(RowLock.forUpdate()),
    FOR_SHARE(RowLock.forShare()),
    FOR_UPDATE_NOWAIT(RowLock.forUpdate().nowait()),
    FOR_UPDATE_SKIP_LOCKED(RowLock.forUpdate().skipLocked());

    private final RowLock rowLock;

    Lock(RowLock rowLock) {
        this.rowLock = rowLock;
    }

    public RowLock rowLock() {
        return this.rowLock;
    }
}
