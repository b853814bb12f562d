package io.schemaspring.changeset;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * The database refused a value of a changeset write (too long for its column, bytes it cannot
 * store) and no changed field could be named. The message never holds the value; the starter's
 * web support answers it 422.
 */
public class UnstorableValueException extends DataIntegrityViolationException {

    /**
     * The refusal of {@code action} on a {@code schema} struct, with the SQLState the database
     * answered; {@code cause} is the driver's failure.
     */
    public UnstorableValueException(String action, Class<?> schema, String sqlState, DataIntegrityViolationException cause) {
        super("could not perform " + action + " of " + schema.getSimpleName() + ": the database cannot store one of its "
                + "values (SQLState " + sqlState + ")", cause);
    }
}
