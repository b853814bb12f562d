package io.schemaspring.repo.dialect;

import io.schemaspring.metadata.SqlIdentifiers;
import io.schemaspring.type.FieldType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What differs between databases: identifier quoting and case, how rows written are read back,
 * JSON and array parameters, parameter limits.
 */
public abstract class Dialect {

    /** How a database stores unquoted identifiers; quoted identifiers are folded the same way. */
    public enum LetterCase {
        UPPER, LOWER, AS_IS
    }

    /** How an INSERT or UPDATE reads columns back. */
    public enum Returning {
        /** {@code INSERT ... RETURNING columns}. */
        CLAUSE,
        /**
         * The plain statement, prepared with the column names to read back through JDBC
         * generated keys (H2: its {@code FINAL TABLE} form does not undo the row when a foreign
         * key check fails).
         */
        GENERATED_KEYS,
        /** Not supported. */
        NONE
    }

    private final LetterCase letterCase;

    protected Dialect(LetterCase letterCase) {
        this.letterCase = letterCase;
    }

    public abstract String name();

    protected abstract char quote();

    /** Quotes a validated identifier, folded to the case the database stores unquoted names in. */
    public String quote(String identifier) {
        return quote() + fold(identifier) + quote();
    }

    /** A validated identifier in the case the database stores unquoted names in. */
    public String fold(String identifier) {
        SqlIdentifiers.require(identifier, "Identifier");
        return switch (this.letterCase) {
            case UPPER -> identifier.toUpperCase(Locale.ROOT);
            case LOWER -> identifier.toLowerCase(Locale.ROOT);
            case AS_IS -> identifier;
        };
    }

    public abstract Returning insertReturning();

    public abstract Returning updateReturning();

    /** The parameter marker of a JSON column value. */
    public String jsonParameter() {
        return "?";
    }

    /** Whether the database has array columns and {@code = ANY(?)} with an array parameter. */
    public abstract boolean supportsArrays();

    /** The SQL type name used to create an array parameter of this element type. */
    public String arrayElementType(FieldType type) {
        return switch (type) {
            case ID, INTEGER -> "BIGINT";
            case FLOAT -> "DOUBLE PRECISION";
            case DECIMAL -> "NUMERIC";
            case BOOLEAN -> "BOOLEAN";
            case BINARY_ID, UUID -> "UUID";
            case DATE -> "DATE";
            case TIME, TIME_USEC -> "TIME";
            case NAIVE_DATETIME, NAIVE_DATETIME_USEC, UTC_DATETIME, UTC_DATETIME_USEC -> "TIMESTAMP";
            case BINARY -> "BYTEA";
            default -> "VARCHAR";
        };
    }

    /** The most parameters one statement may carry. */
    public abstract int maxParameters();

    /** Binds a JSON text. */
    public void bindJson(PreparedStatement statement, int index, @Nullable String json) throws SQLException {
        statement.setString(index, json);
    }

    /** Binds a UUID. */
    public void bindUuid(PreparedStatement statement, int index, java.util.UUID value) throws SQLException {
        statement.setObject(index, value);
    }

    /** The fix to print when update read-back is not supported. */
    public String updateReturningAdvice() {
        return "";
    }

    @Override
    public String toString() {
        return name() + " (identifiers " + this.letterCase.name().toLowerCase(Locale.ROOT) + ")";
    }
}
