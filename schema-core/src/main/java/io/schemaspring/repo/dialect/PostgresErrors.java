package io.schemaspring.repo.dialect;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Reads the fields of PostgreSQL's error report, kept apart from {@link PostgresDialect}
 * so that the optional driver classes load only when a PostgreSQL error is read.
 */
final class PostgresErrors {

    private PostgresErrors() {
    }

    static @Nullable String name(SQLException error, ConstraintViolation.Kind kind) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
                ServerErrorMessage report = psql.getServerErrorMessage();
                return kind == ConstraintViolation.Kind.NOT_NULL ? report.getColumn() : report.getConstraint();
            }
        }
        return null;
    }

}
