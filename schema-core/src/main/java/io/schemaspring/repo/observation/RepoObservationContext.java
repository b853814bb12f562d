package io.schemaspring.repo.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What one {@code Repo} call is about: the schema (none for a {@code Multi} transaction)
 * and the operation.
 */
public class RepoObservationContext extends Observation.Context {

    private final @Nullable Class<?> schema;

    private final String operation;

    /**
     * The context of one {@code Repo} call: its {@code schema} ({@code null} when there
     * is none) and its {@code operation}.
     */
    public RepoObservationContext(@Nullable Class<?> schema, String operation) {
        this.schema = schema;
        this.operation = operation;
    }

    /**
     * The schema class the call reads or writes, {@code null} when there is none (a
     * transaction, an empty list).
     */
    public @Nullable Class<?> getSchema() {
        return this.schema;
    }

    /**
     * The {@code Repo} operation: {@code all}, {@code get}, {@code insert},
     * {@code transaction}, ...
     */
    public String getOperation() {
        return this.operation;
    }

}
