package io.schemaspring.repo.dialect;

import io.schemaspring.type.FieldType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How a dialect binds parameters: the markers and setters of JSON, bit strings and UUIDs,
 * array parameters, and how many parameters and keys one statement carries.
 */
public interface Binding {

    /** The most parameters one statement may carry. */
    int maxParameters();

    /**
     * The most keys one {@code IN (?, ...)} list of a preload carries, when lists are not
     * arrays; by default as many as the statement takes.
     */
    default int maxKeysPerList() {
        return maxParameters();
    }

    /**
     * Whether the keys of a preload of this many keys are bound as one array parameter
     * ({@link #anyOfArray}), one statement whatever their number, rather than as
     * {@code IN} lists in chunks of at most {@link #maxKeysPerList()}; only where the
     * database has arrays, and by default never.
     */
    default boolean bindsKeyListsAsArray(int keys) {
        return false;
    }

    /**
     * The condition matching a column against one array parameter (only asked when
     * {@link #bindsKeyListsAsArray(int)}).
     */
    default String anyOfArray(String quotedColumn) {
        return quotedColumn + " = ANY(?)";
    }

    /**
     * The SQL type name used to create an array parameter of elements of this type held
     * in Java as {@code javaType}; by default as {@link #arrayElementType(FieldType)}.
     */
    default String arrayElementType(FieldType type, Class<?> javaType) {
        return arrayElementType(type);
    }

    /** The SQL type name used to create an array parameter of this element type. */
    default String arrayElementType(FieldType type) {
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

    /** The parameter marker of a JSON column value. */
    default String jsonParameter() {
        return "?";
    }

    /** Binds a JSON text. */
    default void bindJson(PreparedStatement statement, int index, @Nullable String json) throws SQLException {
        statement.setString(index, json);
    }

    /** Binds a bit string written as 0 and 1. */
    default void bindBitString(PreparedStatement statement, int index, String bits) throws SQLException {
        statement.setString(index, bits);
    }

    /** Binds a UUID. */
    default void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
        statement.setObject(index, value);
    }

    /**
     * How a literal question mark outside string literals (PostgreSQL's jsonb {@code ?}
     * operator, written {@code \\?} in a fragment) reaches the database through the
     * driver; {@code null}, by default, where the driver reads every {@code ?} as a
     * parameter and the database has no such operator.
     */
    default @Nullable String literalQuestionMark() {
        return null;
    }

}
