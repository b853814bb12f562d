package io.schemaspring.repo.routing;

import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where the statements of the current thread go when the data source is a
 * {@link ReplicaRoutingDataSource}, decided when a connection is taken:
 * <ul>
 * <li>inside {@link #onPrimary} or, in a {@linkplain #openScope() read-your-writes
 * scope}, after the primary was used once: the primary;</li>
 * <li>in a scope that must {@linkplain Scope#readAfter read after} a position of the
 * primary's log: a replica that has replayed it, else the primary;</li>
 * <li>inside a read-only transaction ({@code @Transactional(readOnly = true)}): a
 * replica;</li>
 * <li>inside any other transaction, or transaction synchronization without one: the
 * primary;</li>
 * <li>outside a transaction: a replica for {@linkplain #replicaRead reads} (the
 * repository marks its own), the primary for everything else.</li>
 * </ul>
 * The hints are per thread, like Spring's transaction synchronization, and cost nothing
 * when no routing data source is in use.
 */
public final class ReadRouting {

    private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

    private ReadRouting() {
    }

    /**
     * Runs a read that a replica may answer when no transaction says otherwise; its
     * statements stay on one replica. When that replica's connection is lost on the way
     * (it stopped, or its pool handed out a connection it had not yet found dead), the
     * replica is left alone for a while and the read, which changed nothing, runs once
     * more elsewhere.
     */
    public static <T> T replicaRead(Supplier<T> read) {
        State state = STATE.get();
        boolean outermost = state.replicaReads == 0;
        if (outermost) {
            state.replicaUsed = null;
        }
        state.replicaReads++;
        try {
            return read.get();
        }
        catch (DataAccessException ex) {
            ReplicaRoutingDataSource.Replica replica = state.replicaUsed;
            if (!outermost || replica == null || TransactionSynchronizationManager.isSynchronizationActive()
                    || !ConnectionLoss.in(ex)) {
                throw ex;
            }
            replica.failed(ex);
            state.replicaUsed = null;
            return read.get();
        }
        finally {
            state.replicaReads--;
            if (outermost) {
                state.replicaUsed = null;
            }
        }
    }

    /**
     * Runs work on the primary, for reads that must see the latest writes (and any work
     * on the way).
     */
    public static <T> T onPrimary(Supplier<T> work) {
        State state = STATE.get();
        state.primary++;
        try {
            return work.get();
        }
        finally {
            state.primary--;
        }
    }

    /** Runs work on the primary; see {@link #onPrimary(Supplier)}. */
    public static void onPrimary(Runnable work) {
        onPrimary(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Opens a read-your-writes scope on this thread, closed by the caller
     * (try-with-resources): once a statement went to the primary in it (a write, or a
     * read inside a read-write transaction), every later read in it goes to the primary
     * too, so that it never misses what was just written because a replica lags. Scopes
     * do not nest: inside one, this answers a handle that leaves the open scope alone.
     */
    public static Scope openScope() {
        State state = STATE.get();
        if (state.scope != null) {
            return Scope.NESTED;
        }
        Scope scope = new Scope(state);
        state.scope = scope;
        return scope;
    }

    /**
     * Whether the current statement may go to a replica. Inside transaction
     * synchronization without a transaction ({@code SUPPORTS}, {@code NOT_SUPPORTED}) the
     * first connection serves every later statement, writes included, so it is a
     * replica's only when read-only.
     */
    static boolean replicaAllowed() {
        State state = STATE.get();
        if (state.primary > 0 || (state.scope != null && state.scope.pinned)) {
            return false;
        }
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return true;
        }
        return state.replicaReads > 0 && !TransactionSynchronizationManager.isSynchronizationActive();
    }

    /** The replica the ongoing read took its connections from, if any. */
    static ReplicaRoutingDataSource.@Nullable Replica replicaInUse() {
        State state = STATE.get();
        return state.replicaReads > 0 ? state.replicaUsed : null;
    }

    /** A replica gave the current statement its connection. */
    static void replicaUsed(ReplicaRoutingDataSource.Replica replica) {
        STATE.get().replicaUsed = replica;
    }

    /**
     * The position of the primary's log a replica must have replayed to answer this
     * thread's reads, or {@link WalPosition#NONE}.
     */
    static long requiredPosition() {
        Scope scope = STATE.get().scope;
        return scope != null ? scope.requiredPosition : WalPosition.NONE;
    }

    /**
     * Whether no replica had replayed the scope's required position when last asked, in
     * this scope.
     */
    static boolean replicasBehind() {
        Scope scope = STATE.get().scope;
        return scope != null && scope.replicasBehind;
    }

    /**
     * No replica has replayed the scope's required position: its later reads go straight
     * to the primary instead of asking every replica again.
     */
    static void replicasAreBehind() {
        Scope scope = STATE.get().scope;
        if (scope != null) {
            scope.replicasBehind = true;
        }
    }

    /**
     * The primary answered a statement. When it had to (a write, a read-write
     * transaction, {@link #onPrimary}), later reads of an open scope stay there; a read
     * that went there only because no replica could answer leaves the scope as it was.
     */
    static void primaryUsed(boolean required) {
        State state = STATE.get();
        state.replicaUsed = null;
        if (required && state.scope != null) {
            state.scope.pinned = true;
        }
    }

    /** A read-your-writes scope; see {@link #openScope()}. */
    public static final class Scope implements AutoCloseable {

        static final Scope NESTED = new Scope(null);

        private final @Nullable State state;

        private boolean pinned;

        private long requiredPosition = WalPosition.NONE;

        private boolean replicasBehind;

        private Scope(@Nullable State state) {
            this.state = state;
        }

        /**
         * Makes the reads of this scope go only to a replica that has replayed the
         * primary's log up to {@code position} (as
         * {@link ReplicaRoutingDataSource#primaryPosition()} answered it after an earlier
         * write), else to the primary: read-your-writes across requests.
         * @return whether {@code position} is one; a text that is not changes nothing
         */
        public boolean readAfter(String position) {
            long parsed = WalPosition.parse(position);
            Scope open = STATE.get().scope;
            if (this.state != null && open != this) {
                open = null;
            }
            if (parsed == WalPosition.NONE || open == null) {
                return false;
            }
            if (parsed > open.requiredPosition) {
                open.requiredPosition = parsed;
                open.replicasBehind = false;
            }
            return true;
        }

        /** Whether reads in this scope go to the primary because it was used. */
        public boolean pinned() {
            if (this.state != null) {
                return this.pinned;
            }
            Scope open = STATE.get().scope;
            return open != null && open.pinned;
        }

        @Override
        public void close() {
            if (this.state != null && this.state.scope == this) {
                this.state.scope = null;
            }
        }

    }

    private static final class State {

        int replicaReads;

        int primary;

        ReplicaRoutingDataSource.@Nullable Replica replicaUsed;

        @Nullable Scope scope;

    }

}
