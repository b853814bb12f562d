package io.schemaspring.repo.dialect;

import io.schemaspring.type.FieldType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * H2 2.x: double-quoted identifiers, read-back through generated keys,
 * {@code FORMAT JSON} parameters, arrays.
 */
public class H2Dialect extends Dialect {

    /** Recognises H2 by its product name. */
    public static final class Provider extends ProductNameDialectProvider {

        /** Recognises H2 by its JDBC product name. */
        public Provider() {
            super("H2", H2Dialect::new, "h2");
        }

    }

    /** H2's dialect for identifiers stored in the given case. */
    public H2Dialect(LetterCase letterCase) {
        super(letterCase);
    }

    @Override
    public boolean upsertMayRaceWithAnInsert() {
        return true;
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    protected char quote() {
        return '"';
    }

    @Override
    public Returning insertReturning() {
        return Returning.GENERATED_KEYS;
    }

    @Override
    public Returning updateReturning() {
        return Returning.GENERATED_KEYS;
    }

    /**
     * A plain string parameter would be stored as a JSON string value, not as the JSON it
     * holds.
     */
    @Override
    public String jsonParameter() {
        return "? FORMAT JSON";
    }

    @Override
    public boolean supportsArrays() {
        return true;
    }

    /**
     * H2 looks up each key of an {@code IN} list in the index, but scans the table for
     * {@code = ANY(?)}.
     */
    @Override
    public boolean bindsKeyListsAsArray() {
        return false;
    }

    @Override
    public String arrayElementType(FieldType type) {
        return type == FieldType.BINARY ? "VARBINARY" : super.arrayElementType(type);
    }

    @Override
    public int maxParameters() {
        return 32767;
    }

    /**
     * H2 looks its {@code IN} list up per key, and each lookup costs more the longer the
     * list: 2,000 rows through 1,000 keys take about 13 ms, 65,534 rows through 32,767
     * keys 5 s. Lists of 1,024 keys keep a preload linear in its parents.
     */
    @Override
    public int maxKeysPerList() {
        return 1024;
    }

    /**
     * H2 has {@code FOR UPDATE} (with {@code NOWAIT} and {@code SKIP LOCKED}) but no
     * shared row locks.
     */
    @Override
    public String lockClause(RowLock lock) {
        if (lock.strength() == RowLock.Strength.SHARE) {
            throw unsupported("the row lock " + lock + ": use " + RowLock.forUpdate() + lock.waitSuffix());
        }
        return lock.toString();
    }

    /**
     * {@code MERGE INTO ... KEY (...)} when every other column is updated; otherwise the
     * standard {@code MERGE ... USING}, which can update some columns or none, and,
     * keeping the existing row without a target, matches a conflict on any of the table's
     * unique keys.
     */
    @Override
    public String upsert(Upsert upsert) {
        List<String> others = new ArrayList<>(upsert.columns());
        others.removeAll(upsert.conflictColumns());
        if (!upsert.doNothing() && others.equals(upsert.updateColumns())) {
            return "MERGE INTO " + upsert.table() + " (" + String.join(", ", upsert.columns()) + ") KEY ("
                    + String.join(", ", upsert.conflictColumns()) + ") VALUES (" + String.join(", ", upsert.values())
                    + ")";
        }
        List<List<String>> keys = upsert.conflictColumns().isEmpty() ? upsert.anyKeys()
                : List.of(upsert.conflictColumns());
        String merge = "MERGE INTO " + upsert.table() + " t USING (VALUES (" + String.join(", ", upsert.values())
                + ")) s (" + String.join(", ", upsert.columns()) + ") ON "
                + keys.stream()
                    .map(key -> key.stream()
                        .map(column -> "t." + column + " = s." + column)
                        .collect(Collectors.joining(" AND ", keys.size() > 1 ? "(" : "", keys.size() > 1 ? ")" : "")))
                    .collect(Collectors.joining(" OR "));
        if (!upsert.doNothing()) {
            merge += " WHEN MATCHED THEN UPDATE SET " + upsert.updateColumns()
                .stream()
                .map(column -> column + " = s." + column)
                .collect(Collectors.joining(", "));
        }
        return merge + " WHEN NOT MATCHED THEN INSERT (" + String.join(", ", upsert.columns()) + ") VALUES ("
                + upsert.columns().stream().map(column -> "s." + column).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * H2 names the keys of a merge: without a target, those of every unique key of the
     * table.
     */
    @Override
    public boolean upsertTakesAnyKey() {
        return true;
    }

    private static final Pattern QUOTED_NAME = Pattern.compile("\"(?:\\w+\\.)?(\\w+)[ :]");

    private static final Pattern NULL_COLUMN = Pattern.compile("column \"(\\w+)\"");

    /**
     * H2 names the constraint (or the unique index) first in its quoted detail, and
     * reports checks as 23513 and missing parents as 23506.
     */
    @Override
    public @Nullable ConstraintViolation constraintViolation(SQLException error) {
        ConstraintViolation standard = super.constraintViolation(error);
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
    }

    /**
     * H2 folds unquoted names to upper case: report them as they were most likely
     * written.
     */
    private static String unfolded(String name) {
        return name.equals(name.toUpperCase(java.util.Locale.ROOT)) ? name.toLowerCase(java.util.Locale.ROOT) : name;
    }

    @Override
    public boolean countsSizesInUtf16Units() {
        return true;
    }

}
