package io.schemaspring.repo;

import org.springframework.dao.IncorrectResultSizeDataAccessException;

/** {@code one} found more than one row, Ecto's {@code Ecto.MultipleResultsError}. */
public class MultipleResultsException extends IncorrectResultSizeDataAccessException {

    /** Names the schema and how many rows were found. */
    public MultipleResultsException(Class<?> schema, int actual) {
        super("expected at most one " + schema.getSimpleName() + " but got " + actual, 1, actual);
    }

}
