package io.schemaspring.repo.dialect;

import io.schemaspring.metadata.SqlIdentifiers;
import io.schemaspring.type.ArrayType;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.Type;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Every decision that differs between databases, asked by the SQL renderer and the
 * repository, made of small strategies: identifier quoting and case (here), paging
 * ({@link LimitClause}), read-back ({@link ReadBackSupport}), parameters
 * ({@link Binding}), column types ({@link ColumnTypes}, behind the one
 * {@link #storage(Type)} decision), row locks ({@link LockClause}), upserts
 * ({@link Upserts}) and constraint names ({@link ConstraintReader}). Supporting another
 * database is a subclass answering its strategies plus a {@link DialectProvider} listed
 * in {@code META-INF/spring.factories}.
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
         * {@code INSERT ... RETURNING columns}, as
         * {@link ReadBackSupport#returningClause(String)} renders it.
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

    // ---------------------------------------------------------------- strategies

    /** How a SELECT is limited and offset; {@code LIMIT ... OFFSET ...} by default. */
    public LimitClause limitClause() {
        return LimitClause.LIMIT_OFFSET;
    }

    /** How rows written are read back. */
    public abstract ReadBackSupport readBack();

    /** How parameters are bound, and how many one statement carries. */
    public abstract Binding binding();

    /** How column types are spelled; standard SQL as H2 spells it by default. */
    public ColumnTypes columnTypes() {
        return ColumnTypes.STANDARD;
    }

    /** How row locks are spelled; by default every lock is refused. */
    public LockClause lockClause() {
        return lock -> {
            throw unsupported("the row lock " + lock);
        };
    }

    /** How upserts are written; by default every upsert is refused. */
    public Upserts upserts() {
        return upsert -> {
            throw unsupported("upserts (INSERT with a conflict clause)");
        };
    }

    /**
     * How violated constraints are read from the driver's errors; by their SQLState alone
     * by default.
     */
    public ConstraintReader constraints() {
        return ConstraintReader.BY_SQLSTATE;
    }

    /**
     * Whether the database has array columns (native arrays for array fields,
     * {@code = ANY(?)} for key lists).
     */
    public abstract boolean supportsArrays();

    // ---------------------------------------------------------------- storage

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
     * The column type of a storage in {@code CREATE TABLE}, as {@link #columnTypes()}
     * spells it.
     */
    public String columnType(Storage storage) {
        ColumnTypes types = columnTypes();
        if (storage instanceof Storage.Scalar scalar) {
            return types.columnType(scalar.type());
        }
        if (storage instanceof Storage.NativeArray array) {
            return types.arrayColumnType(array.elementType());
        }
        return types.jsonColumnType();
    }

    // ---------------------------------------------------------------- statements

    /**
     * An insert of no column, every one taking its default: standard SQL's
     * {@code DEFAULT VALUES}.
     */
    public String defaultValues() {
        return "DEFAULT VALUES";
    }

    /**
     * A case-insensitive LIKE of a column against one parameter; this default lowers both
     * sides.
     */
    public String caseInsensitiveLike(String quotedColumn) {
        return "lower(" + quotedColumn + ") LIKE lower(?)";
    }

    /**
     * The error for a feature the database lacks:
     * {@code "<database> does not support <what>"}.
     */
    protected InvalidDataAccessApiUsageException unsupported(String what) {
        return new InvalidDataAccessApiUsageException(name() + " does not support " + what);
    }

    @Override
    public String toString() {
        return name() + " (identifiers " + this.letterCase.name().toLowerCase(Locale.ROOT) + ")";
    }

    /**
     * Whether the database has this set operator ({@code UNION}, {@code UNION ALL},
     * {@code INTERSECT}, {@code INTERSECT ALL}, {@code EXCEPT}, {@code EXCEPT ALL}); by
     * default every one.
     */
    public boolean supportsSetOperator(String operator) {
        return true;
    }

    /**
     * Whether an aggregate takes {@code FILTER (WHERE ...)} (Ecto's {@code filter/2});
     * where not, the repository writes {@code CASE WHEN ... END} inside the aggregate. By
     * default it does.
     */
    public boolean supportsAggregateFilter() {
        return true;
    }

    /**
     * Whether the database has {@code FULL JOIN} (Ecto's {@code full_join}); by default
     * it does.
     */
    public boolean supportsFullJoin() {
        return true;
    }

    /**
     * Whether an UPDATE's later assignments read the values its earlier ones wrote
     * (MariaDB), rather than the row as it was (the standard); by default not.
     */
    public boolean assignsInOrder() {
        return false;
    }

    /**
     * Whether the database has {@code JOIN LATERAL} (a joined subquery reading each row);
     * by default it does.
     */
    public boolean supportsLateralJoin() {
        return true;
    }

    /**
     * Ecto's {@code datetime_add}/{@code date_add}: {@code base} plus a whole number of
     * {@code unit}s (year, month, week, day, hour, minute, second, millisecond,
     * microsecond) bound at the one {@code ?} of the answer; a date when {@code date}. By
     * default SQL's interval arithmetic.
     */
    public String intervalAdd(String base, String unit, boolean date) {
        String sum = base + " + CAST(? AS DOUBLE PRECISION) * INTERVAL '1 " + unit + "'";
        return date ? "CAST(" + sum + " AS DATE)" : sum;
    }

    /** A bound timestamp, or date, as an operand of {@link #intervalAdd}. */
    public String temporalParameter(boolean date) {
        return date ? "CAST(? AS DATE)" : "CAST(? AS TIMESTAMP)";
    }

    /**
     * The database's current time in UTC, without a zone (Ecto's {@code ago} and
     * {@code from_now} count from it).
     */
    public String utcNow() {
        return "CAST(CURRENT_TIMESTAMP AT TIME ZONE 'UTC' AS TIMESTAMP)";
    }

    /**
     * The marker of a bound value in a select list (a values list's, Ecto's
     * {@code select_merge}) for a field stored as {@code storage}: {@code ?} by default,
     * typed by the driver's binding.
     */
    public String selectedParameter(Storage storage) {
        return "?";
    }

    /**
     * A null in a select list that stands for a column stored as {@code storage} (a
     * values list's field its rows do not name): {@code NULL} by default.
     */
    public String selectedNull(Storage storage) {
        return "NULL";
    }

    /**
     * The column type Ecto's {@code type(value, type)} casts to; by default the column
     * type of {@link #columnTypes()}.
     */
    public String castType(io.schemaspring.type.FieldType type) {
        return columnTypes().columnType(type);
    }

    /**
     * The text at a JSON path of a column, with one {@code ?} for the path that
     * {@link #jsonPathParameter(java.util.List)} binds; {@code null} (the default) where
     * the database has no JSON paths.
     */
    public @Nullable String jsonPath(String column) {
        return null;
    }

    /**
     * The bound path of {@link #jsonPath(String)}: keys (strings) and indexes (integers).
     */
    public Object jsonPathParameter(java.util.List<Object> path) {
        throw new UnsupportedOperationException(name() + " has no JSON paths");
    }

    /**
     * Ecto's {@code push} ({@code push}) and {@code pull} on an array column, with one
     * {@code ?} for the element; {@code null} (the default) where arrays cannot be
     * changed in place.
     */
    public @Nullable String arrayChange(String column, boolean push) {
        return null;
    }

}
