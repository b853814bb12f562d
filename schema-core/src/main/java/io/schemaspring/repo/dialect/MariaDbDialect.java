package io.schemaspring.repo.dialect;

import io.schemaspring.type.FieldType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB (and MySQL): backquoted identifiers, {@code INSERT ... RETURNING} (MariaDB
 * 10.5), JSON as text, no arrays, {@code ON DUPLICATE KEY UPDATE} upserts, constraint
 * names read from the server's messages.
 */
public final class MariaDbDialect extends Dialect {

    /** Recognises MariaDB by its product name. */
    public static final class Provider extends ProductNameDialectProvider {

        /** Recognises MariaDB (and MySQL) by its JDBC product name. */
        public Provider() {
            super("MariaDB/MySQL", MariaDbDialect::new, "mariadb", "mysql");
        }

    }

    private static final int DUPLICATE_ENTRY = 1062;

    private static final Pattern DUPLICATE_KEY = Pattern.compile("for key '([^']*)'\\s*$");

    private static final Pattern NAMED_CONSTRAINT = Pattern.compile("CONSTRAINT `([^`]*)`");

    private static final Pattern NULL_COLUMN = Pattern.compile("Column '([^']*)' cannot be null");

    private static final Pattern NO_DEFAULT = Pattern.compile("Field '([^']*)' doesn't have a default value");

    private static final ReadBackSupport READ_BACK = new ReadBackSupport() {

        @Override
        public Returning insertReturning() {
            return Returning.CLAUSE;
        }

        @Override
        public Returning updateReturning() {
            return Returning.NONE;
        }

        @Override
        public String updateReturningAdvice() {
            return "MariaDB has no UPDATE ... RETURNING: remove readAfterWrites from these fields, "
                    + "or read the struct again with repo.get after the update";
        }

        /**
         * MariaDB Connector/J answers the insert ids of a batch, whatever columns were
         * named.
         */
        @Override
        public boolean batchReadsOnlyGeneratedId() {
            return true;
        }

        /**
         * MariaDB has {@code DELETE ... RETURNING} but no {@code UPDATE ... RETURNING}.
         */
        @Override
        public @Nullable String bulkReturning(String dml, String quotedColumns, boolean delete) {
            return delete ? dml + " " + returningClause(quotedColumns) : null;
        }

    };

    private static final Binding BINDING = new Binding() {

        @Override
        public int maxParameters() {
            return 65535;
        }

        @Override
        public void bindUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
            statement.setString(index, value.toString());
        }

    };

    private static final Upserts UPSERTS = new Upserts() {

        /**
         * MariaDB cannot name the conflicting key: a conflict on any unique key counts.
         * Keeping the existing row is a no-op {@code ON DUPLICATE KEY UPDATE c = c} (as
         * Ecto's MyXQL adapter), not {@code INSERT IGNORE}, which would also turn other
         * errors (foreign keys, values too long) into warnings and write truncated rows.
         */
        @Override
        public String upsert(Upsert upsert) {
            if (upsert.doNothing()) {
                String column = upsert.conflictColumns().isEmpty() ? upsert.columns().get(0)
                        : upsert.conflictColumns().get(0);
                return upsert.insert() + " ON DUPLICATE KEY UPDATE " + column + " = " + column;
            }
            return upsert.insert() + " ON DUPLICATE KEY UPDATE "
                    + String.join(", ", upsert.updates(column -> "VALUES(" + column + ")", column -> column));
        }

        /**
         * A batch keeping existing rows is {@code INSERT IGNORE}: with the driver's
         * found-rows counts, {@code ON DUPLICATE KEY UPDATE c = c} would count every kept
         * row as written. Since {@code IGNORE} turns other errors into warnings too,
         * {@link #upsertAllFailure} fails the batch on any warning but a duplicate key.
         */
        @Override
        public String upsertAll(Upsert upsert) {
            // The warnings the check reads are capped at max_error_count (64 by default):
            // raise it for this statement only.
            return upsert.doNothing() ? "SET STATEMENT max_error_count = 65535 FOR INSERT IGNORE"
                    + upsert.insert().substring("INSERT".length()) : upsert(upsert);
        }

        /**
         * A bulk batch answers no count per row, but the statement's update count is the
         * rows it wrote.
         */
        @Override
        public int batchRowCount(int[] counts, Statement statement) throws SQLException {
            long total = statement.getLargeUpdateCount();
            boolean noInfo = Arrays.stream(counts).allMatch(count -> count == Statement.SUCCESS_NO_INFO);
            return noInfo && total >= 0 ? (int) total : Upserts.super.batchRowCount(counts, statement);
        }

        @Override
        public @Nullable SQLException upsertAllFailure(Statement statement) throws SQLException {
            for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
                if (warning.getErrorCode() != DUPLICATE_ENTRY) {
                    return new SQLException(warning.getMessage(), "23000", warning.getErrorCode());
                }
            }
            return null;
        }

        /**
         * {@code ON DUPLICATE KEY UPDATE} applies to a conflict on any unique key: it
         * names none.
         */
        @Override
        public boolean needsTarget(boolean nothing) {
            return false;
        }

    };

    /**
     * MariaDB answers SQLState 23000 for every constraint: the kind comes from its error
     * code (1062 duplicate key, 1451/1452 foreign key, 4025 check, 1048 null, 1364 a NOT
     * NULL column without a default left out of an insert), the name from the message,
     * read from its end for a duplicate key, whose message starts with the value.
     */
    private static final ConstraintReader CONSTRAINTS = error -> {
        String message = String.valueOf(error.getMessage());
        return switch (error.getErrorCode()) {
            case 1062, 1586 -> new ConstraintViolation(ConstraintViolation.Kind.UNIQUE, group(DUPLICATE_KEY, message));
            case 1451, 1452, 1216, 1217 ->
                new ConstraintViolation(ConstraintViolation.Kind.FOREIGN_KEY, group(NAMED_CONSTRAINT, message));
            case 4025, 3819 ->
                new ConstraintViolation(ConstraintViolation.Kind.CHECK, group(NAMED_CONSTRAINT, message));
            case 1048 -> new ConstraintViolation(ConstraintViolation.Kind.NOT_NULL, group(NULL_COLUMN, message));
            case 1364 -> new ConstraintViolation(ConstraintViolation.Kind.NOT_NULL, group(NO_DEFAULT, message));
            default -> ConstraintReader.BY_SQLSTATE.read(error);
        };
    };

    /**
     * MariaDB: {@code DATETIME} for timestamps, UUIDs as {@code CHAR(36)} (bound as
     * text), {@code LONGBLOB} for binaries, {@code AUTO_INCREMENT} identities, no arrays.
     */
    private final ColumnTypes columnTypes = new ColumnTypes() {

        @Override
        public String columnType(FieldType type) {
            return switch (type) {
                case FLOAT -> "DOUBLE";
                case DECIMAL -> "DECIMAL(38, 10)";
                case BINARY -> "LONGBLOB";
                case BINARY_ID, UUID -> "CHAR(36)";
                case NAIVE_DATETIME, UTC_DATETIME -> "DATETIME";
                case NAIVE_DATETIME_USEC, UTC_DATETIME_USEC -> "DATETIME(6)";
                default -> ColumnTypes.super.columnType(type);
            };
        }

        @Override
        public String arrayColumnType(FieldType elementType) {
            throw unsupported("array columns");
        }

        @Override
        public String identityColumnType(FieldType type) {
            return columnType(type) + " AUTO_INCREMENT";
        }

        @Override
        public String alterColumnType(String quotedTable, String quotedColumn, String columnType) {
            return "ALTER TABLE " + quotedTable + " MODIFY COLUMN " + quotedColumn + " " + columnType;
        }

    };

    /** MariaDB's dialect for identifiers stored in the given case. */
    public MariaDbDialect(LetterCase letterCase) {
        super(letterCase);
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    protected char quote() {
        return '`';
    }

    /** MariaDB has no {@code FILTER} clause on aggregates. */
    @Override
    public boolean supportsAggregateFilter() {
        return false;
    }

    @Override
    public boolean supportsFullJoin() {
        return false;
    }

    @Override
    public boolean supportsLateralJoin() {
        return false;
    }

    @Override
    public boolean assignsInOrder() {
        return true;
    }

    @Override
    public String intervalAdd(String base, String unit, boolean date) {
        String interval = unit.equals("millisecond") ? "INTERVAL (? * 1000) MICROSECOND"
                : "INTERVAL ? " + unit.toUpperCase(java.util.Locale.ROOT);
        String sum = "DATE_ADD(" + base + ", " + interval + ")";
        return date ? "CAST(" + sum + " AS DATE)" : sum;
    }

    @Override
    public String temporalParameter(boolean date) {
        return date ? "CAST(? AS DATE)" : "CAST(? AS DATETIME(6))";
    }

    @Override
    public String utcNow() {
        return "UTC_TIMESTAMP(6)";
    }

    @Override
    public String castType(io.schemaspring.type.FieldType type) {
        return switch (type) {
            case ID, INTEGER, BOOLEAN -> "SIGNED";
            case STRING, DURATION, BITSTRING -> "CHAR";
            default -> columnTypes().columnType(type).replace("DATETIME", "DATETIME(6)").replace("(6)(6)", "(6)");
        };
    }

    @Override
    public String jsonPath(String column) {
        return "JSON_UNQUOTE(JSON_EXTRACT(" + column + ", ?))";
    }

    @Override
    public Object jsonPathParameter(java.util.List<Object> path) {
        StringBuilder json = new StringBuilder("$");
        for (Object step : path) {
            json.append(step instanceof Integer index ? "[" + index + "]"
                    : ".\"" + step.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        }
        return json.toString();
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
        return false;
    }

    @Override
    public ColumnTypes columnTypes() {
        return this.columnTypes;
    }

    /**
     * MariaDB spells a shared lock {@code LOCK IN SHARE MODE}; {@code SKIP LOCKED} needs
     * MariaDB 10.6 or MySQL 8.
     */
    @Override
    public LockClause lockClause() {
        return lock -> (lock.strength() == RowLock.Strength.SHARE ? "LOCK IN SHARE MODE" : "FOR UPDATE")
                + lock.waitSuffix();
    }

    @Override
    public Upserts upserts() {
        return UPSERTS;
    }

    @Override
    public ConstraintReader constraints() {
        return CONSTRAINTS;
    }

    /**
     * MariaDB has no {@code DEFAULT VALUES}: an empty column list takes every default.
     */
    @Override
    public String defaultValues() {
        return "() VALUES ()";
    }

    private static @Nullable String group(Pattern pattern, String message) {
        Matcher matcher = pattern.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }

}
