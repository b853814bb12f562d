package io.schemaspring.repo;

import io.micrometer.observation.ObservationRegistry;
import io.schemaspring.repo.observation.DefaultRepoObservationConvention;
import io.schemaspring.repo.observation.RepoObservationContext;
import io.schemaspring.repo.observation.RepoObservationConvention;
import io.schemaspring.repo.observation.RepoObservationDocumentation;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Wraps {@code Repo} operations in {@code schema.repo} observations; {@link RepoCalls}
 * checks {@link #off()} once and runs the operations straight through when nothing
 * observes.
 */
final class RepoObserver {

    static final RepoObserver OFF = new RepoObserver(ObservationRegistry.NOOP, null);

    private static final RepoObservationConvention DEFAULT_CONVENTION = new DefaultRepoObservationConvention();

    private final ObservationRegistry registry;

    private final @Nullable RepoObservationConvention convention;

    private final boolean off;

    private RepoObserver(ObservationRegistry registry, @Nullable RepoObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
        this.off = registry == ObservationRegistry.NOOP;
    }

    RepoObserver withRegistry(ObservationRegistry registry) {
        return new RepoObserver(registry, this.convention);
    }

    RepoObserver withConvention(@Nullable RepoObservationConvention convention) {
        return new RepoObserver(this.registry, convention);
    }

    boolean off() {
        return this.off;
    }

    <R> R observe(@Nullable Class<?> schema, String operation, Supplier<R> call) {
        return RepoObservationDocumentation.REPO_OPERATION
            .observation(this.convention, DEFAULT_CONVENTION, () -> new RepoObservationContext(schema, operation),
                    this.registry)
            .observe(call);
    }

    static @Nullable Class<?> schemaOf(List<?> structs) {
        for (Object struct : structs) {
            if (struct != null) {
                return struct.getClass();
            }
        }
        return null;
    }

}
