package io.schemaspring.repo.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * An INSERT that does something else when a row with the same key exists, handed to
 * {@link Upserts#upsert(Upsert)}. Identifiers are already quoted; {@code values} holds
 * the parameter marker of each column ({@code ?}, or the dialect's JSON marker).
 *
 * @param table the quoted (and prefixed) table name
 * @param columns the quoted columns inserted
 * @param values the parameter marker of each column, in the same order
 * @param conflictColumns the quoted columns of the key a conflicting row shares
 * @param updateColumns the quoted columns a conflicting row takes from the new one; empty
 * to leave it unchanged
 * @param anyKeys without conflict columns, the quoted columns of each unique key of the
 * table, a conflict on any of which keeps the existing row (for a database that must name
 * them)
 * @param assignments the columns a conflicting row takes a bound value for, or has a
 * bound value added to (Ecto's {@code set} and {@code inc}), after {@code updateColumns};
 * their parameters follow those of {@code values}
 * @param condition the condition a conflicting row must meet to be updated, its columns
 * qualified by the alias {@code t} the dialect gives the table (Ecto's
 * {@code on_conflict} query with {@code where}); {@code null} for every conflicting row.
 * Its parameters follow those of {@code assignments}, or precede them where
 * {@link Upserts#bindsConditionFirst()}
 */
public record Upsert(String table, List<String> columns, List<String> values, List<String> conflictColumns,
        List<String> updateColumns, List<List<String>> anyKeys, List<Assignment> assignments,
        @Nullable String condition) {

    /**
     * One column of a conflicting row given a bound value: {@code column = value}, or
     * {@code column = existing column + value} when {@code increment}.
     *
     * @param column the quoted column
     * @param value the parameter marker of the value
     * @param increment whether the value is added to the existing row's value
     */
    public record Assignment(String column, String value, boolean increment) {
    }

    /** An upsert whose conflict target names its columns (no {@code anyKeys}). */
    public Upsert(String table, List<String> columns, List<String> values, List<String> conflictColumns,
            List<String> updateColumns) {
        this(table, columns, values, conflictColumns, updateColumns, List.of(), List.of(), null);
    }

    /** An upsert that replaces columns from the new row only (no assignments). */
    public Upsert(String table, List<String> columns, List<String> values, List<String> conflictColumns,
            List<String> updateColumns, List<List<String>> anyKeys) {
        this(table, columns, values, conflictColumns, updateColumns, anyKeys, List.of(), null);
    }

    /**
     * Copies the column lists and refuses a value marker count that differs from the
     * column count.
     */
    public Upsert {
        columns = List.copyOf(columns);
        values = List.copyOf(values);
        conflictColumns = List.copyOf(conflictColumns);
        updateColumns = List.copyOf(updateColumns);
        anyKeys = anyKeys.stream().map(List::copyOf).toList();
        assignments = List.copyOf(assignments);
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException(
                    "Upsert of " + columns + " needs one value marker per column, got " + values);
        }
    }

    /** Whether a conflicting row stays as it is. */
    public boolean doNothing() {
        return this.updateColumns.isEmpty() && this.assignments.isEmpty();
    }

    /**
     * The assignments of the update of a conflicting row, as the dialect spells the new
     * row's value of a column and the existing row's: {@code updateColumns} first, then
     * {@code assignments}.
     * @param newValue the new row's value of a quoted column ({@code EXCLUDED."c"})
     * @param existingValue the existing row's value of a quoted column
     */
    public List<String> updates(UnaryOperator<String> newValue, UnaryOperator<String> existingValue) {
        List<String> updates = new ArrayList<>();
        this.updateColumns.forEach(column -> updates.add(column + " = " + newValue.apply(column)));
        this.assignments.forEach(assignment -> updates.add(assignment.column() + " = "
                + (assignment.increment() ? existingValue.apply(assignment.column()) + " + " : "")
                + assignment.value()));
        return updates;
    }

    /** {@code INSERT INTO table (columns) VALUES (values)}. */
    public String insert() {
        return insert(this.table);
    }

    /**
     * {@code INSERT INTO reference (columns) VALUES (values)}, the table named as given
     * ({@code "posts" AS t}).
     */
    public String insert(String reference) {
        return "INSERT INTO " + reference + " (" + String.join(", ", this.columns) + ") VALUES ("
                + String.join(", ", this.values) + ")";
    }
}
