package io.schemaspring.repo.dialect;

import io.schemaspring.type.FieldType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL: double-quoted identifiers, {@code RETURNING}, {@code jsonb} and native
 * arrays, {@code ON CONFLICT} upserts, constraint names from the server's error fields.
 */
public final class PostgresDialect extends Dialect {

    /** Recognises PostgreSQL by its product name. */
    public static final class Provider extends ProductNameDialectProvider {

        /** Recognises PostgreSQL by its JDBC product name. */
        public Provider() {
            super("PostgreSQL", PostgresDialect::new, "postgres");
        }

    }

    private static final ReadBackSupport READ_BACK = ReadBackSupport.of(Returning.CLAUSE, Returning.CLAUSE);

    private static final Binding BINDING = new Binding() {

        /** PgJDBC reads {@code ??} outside string literals as one literal {@code ?}. */
        @Override
        public String literalQuestionMark() {
            return "??";
        }

        @Override
        public int maxParameters() {
            return 32767;
        }

        /**
         * Up to 128 keys, an {@code IN} list: PostgreSQL plans it for the values it is
         * given and hashes them, where its generic plan for a prepared {@code = ANY(?)}
         * compares every row it scans with every key (four times the server time for 100
         * keys over a small table). Beyond, one array: planning a long list each time
         * costs more than it saves, and the generic plan walks the foreign key's index
         * once for all keys.
         */
        @Override
        public boolean bindsKeyListsAsArray(int keys) {
            return keys > 128;
        }

        /**
         * Integers held as {@code Integer} or {@code Short} bind as
         * {@code int4[]}/{@code int2[]}, as Ecto binds {@code {:array, :integer}}: an
         * {@code integer[]} column compares with them, where PostgreSQL has no
         * {@code integer[] = bigint[]}.
         */
        @Override
        public String arrayElementType(FieldType type, Class<?> javaType) {
            if (type == FieldType.INTEGER || type == FieldType.ID) {
                if (javaType == Integer.class || javaType == int.class) {
                    return "int4";
                }
                if (javaType == Short.class || javaType == short.class) {
                    return "int2";
                }
            }
            return arrayElementType(type);
        }

        @Override
        public String arrayElementType(FieldType type) {
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
                case BITSTRING -> "varbit";
                default -> "text";
            };
        }

        /**
         * Sent untyped, so the server converts the text to {@code bit varying} (or a text
         * column).
         */
        @Override
        public void bindBitString(PreparedStatement statement, int index, String bits) throws SQLException {
            statement.setObject(index, bits, Types.OTHER);
        }

        /**
         * Sent untyped, so the server converts the text to the column's {@code json} or
         * {@code jsonb}.
         */
        @Override
        public void bindJson(PreparedStatement statement, int index, @Nullable String json) throws SQLException {
            statement.setObject(index, json, Types.OTHER);
        }

    };

    private static final ColumnTypes COLUMN_TYPES = new ColumnTypes() {

        @Override
        public String columnType(FieldType type) {
            return switch (type) {
                case DECIMAL -> "NUMERIC";
                case BINARY -> "BYTEA";
                case BITSTRING -> "VARBIT";
                default -> ColumnTypes.super.columnType(type);
            };
        }

        @Override
        public String jsonColumnType() {
            return "JSONB";
        }

        @Override
        public String arrayColumnType(FieldType elementType) {
            return columnType(elementType) + "[]";
        }

        /** PostgreSQL converts the stored values with {@code USING column::type}. */
        @Override
        public String alterColumnType(String quotedTable, String quotedColumn, String columnType) {
            return ColumnTypes.super.alterColumnType(quotedTable, quotedColumn, columnType) + " USING " + quotedColumn
                    + "::" + columnType;
        }

    };

    private static final Upserts UPSERTS = new Upserts() {

        @Override
        public String upsert(Upsert upsert) {
            boolean conditioned = upsert.condition() != null;
            String onConflict = upsert.insert(conditioned ? upsert.table() + " AS t" : upsert.table())
                    + (upsert.conflictColumns().isEmpty() ? " ON CONFLICT"
                            : " ON CONFLICT (" + String.join(", ", upsert.conflictColumns()) + ")");
            if (upsert.doNothing()) {
                return onConflict + " DO NOTHING";
            }
            String existing = conditioned ? "t" : upsert.table();
            return onConflict + " DO UPDATE SET "
                    + String.join(", ",
                            upsert.updates(column -> "EXCLUDED." + column, column -> existing + "." + column))
                    + (conditioned ? " WHERE " + upsert.condition() : "");
        }

        @Override
        public boolean takesCondition() {
            return true;
        }

        /**
         * {@code ON CONFLICT DO NOTHING} may leave the key out (any unique key counts);
         * {@code DO UPDATE} may not.
         */
        @Override
        public boolean needsTarget(boolean nothing) {
            return !nothing;
        }

    };

    /**
     * PostgreSQL's driver gives the constraint's name (a NOT NULL violation's column)
     * apart from the message.
     */
    private static final ConstraintReader CONSTRAINTS = error -> {
        ConstraintViolation violation = ConstraintReader.BY_SQLSTATE.read(error);
        return violation == null ? null
                : new ConstraintViolation(violation.kind(), PostgresErrors.name(error, violation.kind()));
    };

    /** PostgreSQL's dialect for identifiers stored in the given case. */
    public PostgresDialect(LetterCase letterCase) {
        super(letterCase);
    }

    @Override
    public String arrayChange(String column, boolean push) {
        return (push ? "array_append(" : "array_remove(") + column + ", ?)";
    }

    @Override
    public String jsonPath(String column) {
        return column + " #>> CAST(? AS TEXT[])";
    }

    @Override
    public Object jsonPathParameter(java.util.List<Object> path) {
        return path.stream().map(String::valueOf).toArray(String[]::new);
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
    public ReadBackSupport readBack() {
        return READ_BACK;
    }

    @Override
    public Binding binding() {
        return BINDING;
    }

    @Override
    public boolean supportsArrays() {
        return true;
    }

    @Override
    public ColumnTypes columnTypes() {
        return COLUMN_TYPES;
    }

    @Override
    public LockClause lockClause() {
        return RowLock::toString;
    }

    /**
     * A bare {@code NULL} column of a derived table is text on PostgreSQL, which no other
     * type compares with: a scalar's null is cast to its column type.
     */
    @Override
    public String selectedNull(Storage storage) {
        return storage instanceof Storage.Scalar scalar ? "CAST(NULL AS " + castType(scalar.type()) + ")" : "NULL";
    }

    @Override
    public Upserts upserts() {
        return UPSERTS;
    }

    @Override
    public ConstraintReader constraints() {
        return CONSTRAINTS;
    }

    @Override
    public String caseInsensitiveLike(String quotedColumn) {
        return quotedColumn + " ILIKE ?";
    }

}
