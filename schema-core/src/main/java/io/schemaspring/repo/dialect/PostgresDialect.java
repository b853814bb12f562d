package io.schemaspring.repo.dialect;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/** PostgreSQL: double-quoted identifiers, {@code RETURNING}, {@code jsonb} and native arrays. */
public final class PostgresDialect extends Dialect {

    public PostgresDialect(LetterCase letterCase) {
        super(letterCase);
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    protected char quote() {
        return '"';
    }

    @Override
    public Returning insertReturning() {
        return Returning.CLAUSE;
    }

    @Override
    public Returning updateReturning() {
        return Returning.CLAUSE;
    }

    @Override
    public boolean supportsArrays() {
        return true;
    }

    @Override
    public String arrayElementType(io.schemaspring.type.FieldType type) {
        return switch (type) {
            case ID, INTEGER -> "int8";
            case FLOAT -> "float8";
            case DECIMAL -> "numeric";
            case BOOLEAN -> "bool";
            case BINARY_ID, UUID -> "uuid";
            case DATE -> "date";
            case TIME, TIME_USEC -> "time";
            case NAIVE_DATETIME, NAIVE_DATETIME_USEC, UTC_DATETIME, UTC_DATETIME_USEC -> "timestamp";
            case BINARY -> "bytea";
            default -> "text";
        };
    }

    @Override
    public int maxParameters() {
        return 32767;
    }

    /** Sent untyped, so the server converts the text to the column's {@code json} or {@code jsonb}. */
    @Override
    public void bindJson(PreparedStatement statement, int index, @Nullable String json) throws SQLException {
        statement.setObject(index, json, Types.OTHER);
    }
}
