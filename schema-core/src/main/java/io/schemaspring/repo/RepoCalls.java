package io.schemaspring.repo;

import io.schemaspring.repo.routing.ReadRouting;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How {@link Repo} runs each call, chosen once (again when its observation settings
 * change): straight through, or observed as {@code schema.repo} with reads a replica may
 * answer marked for the routing data source. Straight through, the JIT inlines the call
 * and allocates nothing for it.
 */
abstract class RepoCalls {

    /**
     * Runs a read; {@code replicaAllowed}: whether a replica may answer it (not when it
     * locks rows or runs hand-written SQL).
     */
    abstract <R> R read(@Nullable Class<?> schema, String operation, boolean replicaAllowed, Supplier<R> call);

    /** Runs a write, a transaction or hand-written SQL that may write. */
    abstract <R> R write(@Nullable Class<?> schema, String operation, Supplier<R> call);

    static RepoCalls of(RepoObserver observer, boolean routesReads) {
        return observer.off() && !routesReads ? Direct.INSTANCE : new ObservedOrRouted(observer, routesReads);
    }

    private static final class Direct extends RepoCalls {

        static final Direct INSTANCE = new Direct();

        @Override
        <R> R read(@Nullable Class<?> schema, String operation, boolean replicaAllowed, Supplier<R> call) {
            return call.get();
        }

        @Override
        <R> R write(@Nullable Class<?> schema, String operation, Supplier<R> call) {
            return call.get();
        }

    }

    private static final class ObservedOrRouted extends RepoCalls {

        private final RepoObserver observer;

        private final boolean routesReads;

        ObservedOrRouted(RepoObserver observer, boolean routesReads) {
            this.observer = observer;
            this.routesReads = routesReads;
        }

        @Override
        <R> R read(@Nullable Class<?> schema, String operation, boolean replicaAllowed, Supplier<R> call) {
            Supplier<R> routed = this.routesReads && replicaAllowed ? () -> ReadRouting.replicaRead(call) : call;
            return this.observer.off() ? routed.get() : this.observer.observe(schema, operation, routed);
        }

        @Override
        <R> R write(@Nullable Class<?> schema, String operation, Supplier<R> call) {
            return this.observer.off() ? call.get() : this.observer.observe(schema, operation, call);
        }

    }

}
