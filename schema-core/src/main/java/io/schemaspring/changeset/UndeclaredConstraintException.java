package io.schemaspring.changeset;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * A changeset write violated a database constraint that the changeset did not declare, Ecto's
 * {@code Ecto.ConstraintError}. Still a {@link DataIntegrityViolationException}, so code and
 * handlers written for that keep working; the starter's web support answers it 409.
 */
public class UndeclaredConstraintException extends DataIntegrityViolationException {

    public UndeclaredConstraintException(String action, Class<?> schema, DataIntegrityViolationException cause) {
        super("could not perform " + action + " of " + schema.getSimpleName() + ": the database refused it with a "
                + "constraint the changeset did not declare; declare it with uniqueConstraint, foreignKeyConstraint or "
                + "checkConstraint to turn it into a field error", cause);
    }
}
