package io.schemaspring.repo;

import io.schemaspring.query.Query;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * {@code getOrThrow} or {@code oneOrThrow} found nothing, Ecto's
 * {@code Ecto.NoResultsError}.
 */
public class NoResultsException extends EmptyResultDataAccessException {

    private final Class<?> schema;

    private final @Nullable Object id;

    /** Names the schema and the primary key that matched no row. */
    public NoResultsException(Class<?> schema, Object id) {
        super("expected at least one result but got none: no " + schema.getSimpleName() + " with id " + id, 1);
        this.schema = schema;
        this.id = id;
    }

    /** Names the query that matched no row. */
    public NoResultsException(Query<?> query) {
        super("expected at least one result but got none in query: " + query, 1);
        this.schema = query.schema();
        this.id = null;
    }

    /** The schema that was read. */
    public Class<?> schema() {
        return this.schema;
    }

    /** The primary key that matched no row; {@code null} when a query did. */
    public @Nullable Object id() {
        return this.id;
    }

}
