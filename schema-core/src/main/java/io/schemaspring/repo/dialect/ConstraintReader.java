package io.schemaspring.repo.dialect;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the constraint a failed statement violated from the driver's error, as Ecto's
 * adapters report it: its kind and its name, which changesets match the constraints they
 * declare against. A dialect's part; never searches message text for names a value could
 * carry.
 */
@FunctionalInterface
public interface ConstraintReader {

    /**
     * The kind by the standard SQLState (23505 unique, 23503 foreign key, 23514 check,
     * 23P01 exclusion, 23502 not null) and no name: what a database whose driver reports
     * names in no structured way gives.
     */
    ConstraintReader BY_SQLSTATE = error -> {
        ConstraintViolation.Kind kind = switch (String.valueOf(error.getSQLState())) {
            case "23505" -> ConstraintViolation.Kind.UNIQUE;
            case "23503" -> ConstraintViolation.Kind.FOREIGN_KEY;
            case "23514" -> ConstraintViolation.Kind.CHECK;
            case "23P01" -> ConstraintViolation.Kind.EXCLUSION;
            case "23502" -> ConstraintViolation.Kind.NOT_NULL;
            default -> null;
        };
        return kind == null ? null : new ConstraintViolation(kind, null);
    };

    /**
     * The violated constraint, with its name where the driver gives it (a NOT NULL
     * violation's column); {@code null} when the error is no constraint violation.
     */
    @Nullable ConstraintViolation read(SQLException error);

}
