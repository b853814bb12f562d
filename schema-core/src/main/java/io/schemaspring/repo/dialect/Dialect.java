package io.schemaspring.repo.dialect;

import io.schemaspring.metadata.SqlIdentifiers;
import io.schemaspring.type.ArrayType;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.Type;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Every decision that differs between databases, asked by the SQL renderer and the
 * repository: identifier quoting and case, paging, how rows written are read back, JSON
 * and array parameters, row locks, upserts, parameter limits. Supporting another database
 * is a subclass plus a {@link DialectProvider} listed in
 * {@code META-INF/spring.factories}.
 */
public abstract class Dialect {

    /**
     * How a database stores unquoted identifiers; quoted identifiers are folded the same
     * way.
     */
    public enum LetterCase {

        UPPER, LOWER, AS_IS;

        /** The case the database of this metadata stores unquoted identifiers in. */
        public static LetterCase of(DatabaseMetaData metaData) throws SQLException {
            if (metaData.storesUpperCaseIdentifiers()) {
                return UPPER;
            }
            if (metaData.storesLowerCaseIdentifiers()) {
                return LOWER;
            }
            return AS_IS;
        }

    }

    /** How an INSERT or UPDATE reads columns back. */
    public enum Returning {

        /**
         * {@code INSERT ... RETURNING columns}, as {@link #returningClause(String)}
         * renders it.
         */
        CLAUSE,
        /**
         * The plain statement, prepared with the column names to read back through JDBC
         * generated keys (H2: its {@code FINAL TABLE} form does not undo the row when a
         * foreign key check fails).
         */
        GENERATED_KEYS,
        /** Not supported. */
        NONE

    }

    private final LetterCase letterCase;

    protected Dialect(LetterCase letterCase) {
        this.letterCase = letterCase;
    }

    /** The database's name, as messages name it ("PostgreSQL"). */
    public abstract String name();

    protected abstract char quote();

    /**
     * Quotes a validated identifier, folded to the case the database stores unquoted
     * names in.
     */
    public String quote(String identifier) {
        return quote() + fold(identifier) + quote();
    }

    /**
     * A table name quoted as {@link #quote(String)} does, qualified by its quoted prefix
     * (database schema) when given.
     */
    public String quoteTable(@Nullable String prefix, String table) {
        return prefix == null ? quote(table) : quote(prefix) + "." + quote(table);
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

    // ---------------------------------------------------------------- paging

    /** How a SELECT is limited and offset. */
    public LimitClause limitClause() {
        return LimitClause.LIMIT_OFFSET;
    }

    // ---------------------------------------------------------------- read-back

    /** How an INSERT reads generated and {@code readAfterWrites} columns back. */
    public abstract Returning insertReturning();

    /** How an UPDATE reads {@code readAfterWrites} columns back. */
    public abstract Returning updateReturning();

    /**
     * The clause appended to an INSERT or UPDATE whose style is {@link Returning#CLAUSE}.
     */
    public String returningClause(String quotedColumns) {
        return "RETURNING " + quotedColumns;
    }

    /** The fix to print when update read-back is not supported. */
    public String updateReturningAdvice() {
        return "";
    }

    // ---------------------------------------------------------------- parameters

    /** The parameter marker of a JSON column value. */
    public String jsonParameter() {
        return "?";
    }

    /**
     * Whether the database has array columns and {@code = ANY(?)} with an array
     * parameter.
     */
    /**
     * The constraint a failed statement violated, read from the driver's error: the kind
     * by the standard SQLState (23505 unique, 23503 foreign key, 23514 check, 23P01
     * exclusion, 23502 not null); the name where the dialect can read it from the driver.
     * {@code null} when the error is no constraint violation.
     */
    public @Nullable ConstraintViolation constraintViolation(SQLException error) {
        ConstraintViolation.Kind kind = switch (String.valueOf(error.getSQLState())) {
            case "23505" -> ConstraintViolation.Kind.UNIQUE;
            case "23503" -> ConstraintViolation.Kind.FOREIGN_KEY;
            case "23514" -> ConstraintViolation.Kind.CHECK;
            case "23P01" -> ConstraintViolation.Kind.EXCLUSION;
            case "23502" -> ConstraintViolation.Kind.NOT_NULL;
            default -> null;
        };
        return kind == null ? null : new ConstraintViolation(kind, null);
    }

    /**
     * An insert of no column, every one taking its default: standard SQL's
     * {@code DEFAULT VALUES}.
     */
    public String defaultValues() {
        return "DEFAULT VALUES";
    }

    /**
     * Whether the database has array columns (native arrays for array fields,
     * {@code = ANY(?)} for key lists).
     */
    public abstract boolean supportsArrays();

    /**
     * Whether key lists (preloads) are bound as one array parameter
     * ({@link #anyOfArray}), one statement whatever the number of keys; else as
     * {@code IN (?, ...)} in chunks of at most {@link #maxKeysPerList()} keys within
     * {@link #maxParameters()}. Defaults to {@link #supportsArrays()}; true needs
     * {@link #supportsArrays()}.
     */
    public boolean bindsKeyListsAsArray() {
        return supportsArrays();
    }

    /**
     * {@link #bindsKeyListsAsArray()} for a preload of this many keys: a database may
     * plan a short {@code IN} list better than an array. Defaults to
     * {@link #bindsKeyListsAsArray()}.
     */
    public boolean bindsKeyListsAsArray(int keys) {
        return bindsKeyListsAsArray();
    }

    /**
     * The condition matching a column against one array parameter (only asked when
     * {@link #bindsKeyListsAsArray(int)}).
     */
    public String anyOfArray(String quotedColumn) {
        return quotedColumn + " = ANY(?)";
    }

    /**
     * The SQL type name used to create an array parameter of elements of this type held
     * in Java as {@code javaType}; by default as {@link #arrayElementType(FieldType)}.
     */
    public String arrayElementType(FieldType type, Class<?> javaType) {
        return arrayElementType(type);
    }

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

    /**
     * The most keys one {@code IN (?, ...)} list of a preload carries, when lists are not
     * arrays. Defaults to {@link #maxParameters()}: as many as the statement takes.
     */
    public int maxKeysPerList() {
        return maxParameters();
    }

    /** Binds a JSON text. */
    public void bindJson(PreparedStatement statement, int index, @Nullable String json) throws SQLException {
        statement.setString(index, json);
    }

    /** Binds a bit string written as 0 and 1. */
    public void bindBitString(PreparedStatement statement, int index, String bits) throws SQLException {
        statement.setString(index, bits);
    }

    /** Binds a UUID. */
    public void bindUuid(PreparedStatement statement, int index, java.util.UUID value) throws SQLException {
        statement.setObject(index, value);
    }

    // ---------------------------------------------------------------- DDL

    /**
     * How values of the type are stored on this database, decided here once for codecs,
     * column types and schema validation: the {@linkplain Type#storedType() stored
     * type}'s column, a native array of a primitive element where
     * {@link #supportsArrays()} (not of maps, enums or custom types), else JSON (maps,
     * embeds, other arrays).
     */
    public Storage storage(Type type) {
        Type stored = type.storedType();
        if (stored instanceof PrimitiveType primitive) {
            return primitive.fieldType() == FieldType.MAP ? Storage.JSON : new Storage.Scalar(primitive.fieldType());
        }
        if (stored instanceof ArrayType array && supportsArrays()
                && array.elementType() instanceof PrimitiveType element && element.fieldType() != FieldType.MAP) {
            return new Storage.NativeArray(element.fieldType());
        }
        return Storage.JSON;
    }

    /**
     * The column type of a storage in {@code CREATE TABLE}:
     * {@link #columnType(FieldType)}, {@link #arrayColumnType} or
     * {@link #jsonColumnType()}.
     */
    public String columnType(Storage storage) {
        if (storage instanceof Storage.Scalar scalar) {
            return columnType(scalar.type());
        }
        if (storage instanceof Storage.NativeArray array) {
            return arrayColumnType(array.elementType());
        }
        return jsonColumnType();
    }

    /**
     * The column type of a field type in {@code CREATE TABLE}, as the repository reads
     * and writes it (maps are {@link #jsonColumnType()}). This default answers standard
     * SQL as H2 spells it.
     */
    public String columnType(FieldType type) {
        return switch (type) {
            case ID, INTEGER -> "BIGINT";
            case FLOAT -> "DOUBLE PRECISION";
            case DECIMAL -> "NUMERIC(38, 10)";
            case BOOLEAN -> "BOOLEAN";
            case STRING -> "VARCHAR(255)";
            case BINARY -> "VARBINARY";
            case BINARY_ID, UUID -> "UUID";
            case DATE -> "DATE";
            case TIME -> "TIME(0)";
            case TIME_USEC -> "TIME(6)";
            case NAIVE_DATETIME, UTC_DATETIME -> "TIMESTAMP(0)";
            case NAIVE_DATETIME_USEC, UTC_DATETIME_USEC -> "TIMESTAMP(6)";
            case DURATION -> "VARCHAR(64)";
            case BITSTRING -> "VARCHAR(1024)";
            case MAP -> jsonColumnType();
            case ANY, DEFAULT -> throw new IllegalArgumentException("No column type for " + type);
        };
    }

    /** The column type of maps, embeds and (without {@link #supportsArrays()}) arrays. */
    public String jsonColumnType() {
        return "JSON";
    }

    /**
     * The column type of an array of this element type (only asked when
     * {@link #supportsArrays()}).
     */
    public String arrayColumnType(FieldType elementType) {
        return columnType(elementType) + " ARRAY";
    }

    /**
     * The column definition of a primary key the database generates ({@code :id}), before
     * {@code PRIMARY KEY}.
     */
    public String identityColumnType(FieldType type) {
        return columnType(type) + " GENERATED BY DEFAULT AS IDENTITY";
    }

    /** The statement changing a column's type (names already quoted). */
    public String alterColumnType(String quotedTable, String quotedColumn, String columnType) {
        return "ALTER TABLE " + quotedTable + " ALTER COLUMN " + quotedColumn + " SET DATA TYPE " + columnType;
    }

    // ---------------------------------------------------------------- conditions

    /**
     * A case-insensitive LIKE of a column against one parameter; this default lowers both
     * sides.
     */
    public String caseInsensitiveLike(String quotedColumn) {
        return "lower(" + quotedColumn + ") LIKE lower(?)";
    }

    // ---------------------------------------------------------------- locks and upserts

    /**
     * The clause appended to a SELECT (after paging) to lock the rows it reads. Refuses,
     * with {@link #unsupported(String)}, a lock the database lacks; this default refuses
     * every lock.
     */
    public String lockClause(RowLock lock) {
        throw unsupported("the row lock " + lock);
    }

    /**
     * The whole statement inserting a row or, on a key conflict, updating or keeping the
     * existing row. This default refuses.
     */
    public String upsert(Upsert upsert) {
        throw unsupported("upserts (INSERT with a conflict clause)");
    }

    /**
     * The statement of a batch of upserts ({@code insertAll} with a conflict clause),
     * whose update counts must count only the rows inserted or changed; by default
     * {@link #upsert(Upsert)}.
     */
    public String upsertAll(Upsert upsert) {
        return upsert(upsert);
    }

    /**
     * The rows a batch wrote, from its update counts; a count the driver does not know is
     * one row.
     */
    public int batchRowCount(int[] counts, java.sql.Statement statement) throws SQLException {
        int rows = 0;
        for (int count : counts) {
            rows += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : count;
        }
        return rows;
    }

    /**
     * An error the database only warned about while running {@link #upsertAll(Upsert)},
     * which must fail the batch (and roll it back); {@code null} when there is none. By
     * default none.
     */
    public @Nullable SQLException upsertAllFailure(java.sql.Statement statement) throws SQLException {
        return null;
    }

    /**
     * The error for a feature the database lacks:
     * {@code "<database> does not support <what>"}.
     */
    protected InvalidDataAccessApiUsageException unsupported(String what) {
        return new InvalidDataAccessApiUsageException(name() + " does not support " + what);
    }

    /**
     * Whether an upsert must name its conflict target ({@code nothing}: it keeps the
     * existing row). This default: always, as {@code MERGE} matches on it.
     */
    public boolean upsertNeedsTarget(boolean nothing) {
        return true;
    }

    /**
     * Whether an upsert keeping the existing row without a target can name the table's
     * unique keys ({@link Upsert#anyKeys()}) where {@link #upsertNeedsTarget(boolean)}
     * would refuse it.
     */
    public boolean upsertTakesAnyKey() {
        return false;
    }

    /**
     * Whether a JDBC batch prepared with column names reads back only the auto-increment
     * id (the driver answers the server's last insert ids, not the named columns).
     */
    public boolean batchReadsOnlyGeneratedId() {
        return false;
    }

    /**
     * Whether the database counts the sizes of character columns in UTF-16 units (H2: a
     * character outside the Basic Multilingual Plane takes two) instead of characters
     * (code points).
     */
    public boolean countsSizesInUtf16Units() {
        return false;
    }

    /**
     * Whether an upsert can fail with a duplicate key when another transaction inserts
     * the same key concurrently (H2's {@code MERGE} is not atomic against concurrent
     * inserts), so that the repository runs it once more; {@code ON CONFLICT} and
     * {@code ON DUPLICATE KEY} cannot.
     */
    public boolean upsertMayRaceWithAnInsert() {
        return false;
    }

    @Override
    public String toString() {
        return name() + " (identifiers " + this.letterCase.name().toLowerCase(Locale.ROOT) + ")";
    }

}
