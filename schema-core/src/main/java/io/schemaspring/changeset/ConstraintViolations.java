package io.schemaspring.changeset;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Matches a database integrity violation to a constraint declared on a changeset, by the
 * constraint name the database reports (H2, PostgreSQL and MariaDB all name it in the message).
 */
public final class ConstraintViolations {

    private ConstraintViolations() {
    }

    public static Optional<Constraint> find(List<Constraint> constraints, DataIntegrityViolationException violation) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(violation);
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        return constraints.stream().filter(constraint -> message.contains(constraint.name().toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** Adds the constraint's error to the changeset, with Ecto's metadata. */
    public static void addError(Changeset<?> changeset, Constraint constraint) {
        changeset.addError(constraint.field(), constraint.message(),
                Map.of("constraint", constraint.type().ectoName(), "constraint_name", constraint.name()));
    }
}
