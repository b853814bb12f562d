package io.schemaspring.repo.dialect;

import io.schemaspring.type.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * H2 2.x: double-quoted identifiers, read-back through generated keys,
 * {@code FORMAT JSON} parameters, arrays, {@code MERGE} for upserts.
 */
public class H2Dialect extends Dialect {

    /** Recognises H2 by its product name. */
    public static final class Provider extends ProductNameDialectProvider {

        /** Recognises H2 by its JDBC product name. */
        public Provider() {
            super("H2", H2Dialect::new, "h2");
        }

    }

    /**
     * Generated keys after inserts and updates; a bulk statement's rows through H2's data
     * change delta tables ({@code FINAL TABLE} after an update, {@code OLD TABLE} for a
     * delete).
     */
    private static final ReadBackSupport READ_BACK = new ReadBackSupport() {

        @Override
        public Returning insertReturning() {
            return Returning.GENERATED_KEYS;
        }

        @Override
        public Returning updateReturning() {
            return Returning.GENERATED_KEYS;
        }

        @Override
        public String bulkReturning(String dml, String quotedColumns, boolean delete) {
            return "SELECT " + quotedColumns + " FROM " + (delete ? "OLD" : "FINAL") + " TABLE (" + dml + ")";
        }

    };

    private static final Binding BINDING = new Binding() {

        @Override
        public int maxParameters() {
            return 32767;
        }

        /**
         * H2 looks its {@code IN} list up per key, and each lookup costs more the longer
         * the list: 2,000 rows through 1,000 keys take about 13 ms, 65,534 rows through
         * 32,767 keys 5 s. Lists of 1,024 keys keep a preload linear in its parents.
         * (Arrays are never used for keys: H2 scans the table for {@code = ANY(?)}.)
         */
        @Override
        public int maxKeysPerList() {
            return 1024;
        }

        @Override
        public String arrayElementType(FieldType type) {
            return type == FieldType.BINARY ? "VARBINARY" : Binding.super.arrayElementType(type);
        }

        /**
         * A plain string parameter would be stored as a JSON string value, not as the
         * JSON it holds.
         */
        @Override
        public String jsonParameter() {
            return "? FORMAT JSON";
        }

    };

    /**
     * H2 counts a character outside the Basic Multilingual Plane as two towards a
     * column's size.
     */
    private static final ColumnTypes COLUMN_TYPES = new ColumnTypes() {

        @Override
        public boolean countsSizesInUtf16Units() {
            return true;
        }

    };

    private static final Pattern QUOTED_NAME = Pattern.compile("\"(?:\\w+\\.)?(\\w+)[ :]");

    private static final Pattern NULL_COLUMN = Pattern.compile("column \"(\\w+)\"");

    /**
     * H2 names the constraint (or the unique index) first in its quoted detail, and
     * reports checks as 23513 and missing parents as 23506.
     */
    private static final ConstraintReader CONSTRAINTS = error -> {
        ConstraintViolation standard = ConstraintReader.BY_SQLSTATE.read(error);
        ConstraintViolation.Kind kind = switch (String.valueOf(error.getSQLState())) {
            case "23506" -> ConstraintViolation.Kind.FOREIGN_KEY;
            case "23513" -> ConstraintViolation.Kind.CHECK;
            default -> standard == null ? null : standard.kind();
        };
        if (kind == null) {
            return null;
        }
        String message = String.valueOf(error.getMessage());
        Matcher name = (kind == ConstraintViolation.Kind.NOT_NULL ? NULL_COLUMN : QUOTED_NAME).matcher(message);
        return new ConstraintViolation(kind, name.find() ? unfolded(name.group(1)) : null);
    };

    /**
     * H2 has {@code FOR UPDATE} (with {@code NOWAIT} and {@code SKIP LOCKED}) but no
     * shared row locks.
     */
    private final LockClause lockClause = lock -> {
        if (lock.strength() == RowLock.Strength.SHARE) {
            throw unsupported("the row lock " + lock + ": use " + RowLock.forUpdate() + lock.waitSuffix());
        }
        return lock.toString();
    };

    /** H2's dialect for identifiers stored in the given case. */
    public H2Dialect(LetterCase letterCase) {
        super(letterCase);
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    protected char quote() {
        return '"';
    }

    /**
     * H2 has {@code UNION ALL} but neither {@code INTERSECT ALL} nor {@code EXCEPT ALL}.
     */
    @Override
    public boolean supportsSetOperator(String operator) {
        return !operator.equals("INTERSECT ALL") && !operator.equals("EXCEPT ALL");
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
    public String intervalAdd(String base, String unit, boolean date) {
        String sum = "DATEADD(" + unit.toUpperCase(java.util.Locale.ROOT) + ", ?, " + base + ")";
        return date ? "CAST(" + sum + " AS DATE)" : sum;
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
        return this.lockClause;
    }

    @Override
    public Upserts upserts() {
        return H2Upserts.INSTANCE;
    }

    @Override
    public ConstraintReader constraints() {
        return CONSTRAINTS;
    }

    /**
     * H2 cannot type a bare parameter in a select list: a scalar is cast to its column
     * type, text and decimals to types without a length or scale, which a cast would
     * otherwise cut or round to.
     */
    @Override
    public String selectedParameter(Storage storage) {
        if (!(storage instanceof Storage.Scalar scalar)) {
            return "?";
        }
        String type = switch (scalar.type()) {
            case STRING, DURATION, BITSTRING -> "CHARACTER VARYING";
            case DECIMAL -> "DECFLOAT";
            default -> castType(scalar.type());
        };
        return "CAST(? AS " + type + ")";
    }

    /**
     * H2 folds unquoted names to upper case: report them as they were most likely
     * written.
     */
    private static String unfolded(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
    }

    /**
     * {@code MERGE INTO ... KEY (...)} when every other column is updated; otherwise the
     * standard {@code MERGE ... USING}, which can update some columns or none, and,
     * keeping the existing row without a target, matches a conflict on any of the table's
     * unique keys.
     */
    private static final class H2Upserts implements Upserts {

        static final H2Upserts INSTANCE = new H2Upserts();

        @Override
        public String upsert(Upsert upsert) {
            List<String> others = new ArrayList<>(upsert.columns());
            others.removeAll(upsert.conflictColumns());
            if (!upsert.doNothing() && others.equals(upsert.updateColumns()) && upsert.assignments().isEmpty()
                    && upsert.condition() == null) {
                return "MERGE INTO " + upsert.table() + " (" + String.join(", ", upsert.columns()) + ") KEY ("
                        + String.join(", ", upsert.conflictColumns()) + ") VALUES ("
                        + String.join(", ", upsert.values()) + ")";
            }
            List<List<String>> keys = upsert.conflictColumns().isEmpty() ? upsert.anyKeys()
                    : List.of(upsert.conflictColumns());
            String merge = "MERGE INTO " + upsert.table() + " t USING (VALUES (" + String.join(", ", upsert
                .values()) + ")) s (" + String.join(", ", upsert.columns()) + ") ON " + keys
                    .stream()
                    .map(key -> key.stream()
                        .map(column -> "t." + column + " = s." + column)
                        .collect(Collectors.joining(" AND ", keys.size() > 1 ? "(" : "", keys.size() > 1 ? ")" : "")))
                    .collect(Collectors.joining(" OR "));
            if (!upsert.doNothing()) {
                merge += " WHEN MATCHED" + (upsert.condition() == null ? "" : " AND " + upsert.condition())
                        + " THEN UPDATE SET "
                        + String.join(", ", upsert.updates(column -> "s." + column, column -> "t." + column));
            }
            return merge + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", upsert.columns()) + ") VALUES ("
                    + upsert.columns().stream().map(column -> "s." + column).collect(Collectors.joining(", ")) + ")";
        }

        /**
         * H2 names the keys of a merge: without a target, those of every unique key of
         * the table.
         */
        @Override
        public boolean takesAnyKey() {
            return true;
        }

        @Override
        public boolean takesCondition() {
            return true;
        }

        /** The condition is written in {@code WHEN MATCHED AND}, before the update. */
        @Override
        public boolean bindsConditionFirst() {
            return true;
        }

        /**
         * H2's {@code MERGE} is not atomic against a concurrent insert of the same key.
         */
        @Override
        public boolean mayRaceWithAnInsert() {
            return true;
        }

    }

}
