package io.schemaspring.repo;

import org.springframework.dao.EmptyResultDataAccessException;

/** {@code getOrThrow} found nothing, Ecto's {@code Ecto.NoResultsError}. */
public class NoResultsException extends EmptyResultDataAccessException {

    private final Class<?> schema;

    private final Object id;

    /** Names the schema and the primary key that matched no row. */
    public NoResultsException(Class<?> schema, Object id) {
        super("expected at least one result but got none: no " + schema.getSimpleName() + " with id " + id, 1);
        this.schema = schema;
        this.id = id;
    }

    /** The schema that was read. */
    public Class<?> schema() {
        return this.schema;
    }

    /** The primary key that matched no row. */
    public Object id() {
        return this.id;
    }

}
