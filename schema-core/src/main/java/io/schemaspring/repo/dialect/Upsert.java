package io.schemaspring.repo.dialect;

import java.util.List;

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
 */
public record Upsert(String table, List<String> columns, List<String> values, List<String> conflictColumns,
        List<String> updateColumns, List<List<String>> anyKeys) {

    /** An upsert whose conflict target names its columns (no {@code anyKeys}). */
    public Upsert(String table, List<String> columns, List<String> values, List<String> conflictColumns,
            List<String> updateColumns) {
        this(table, columns, values, conflictColumns, updateColumns, List.of());
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
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException(
                    "Upsert of " + columns + " needs one value marker per column, got " + values);
        }
    }

    /** Whether a conflicting row stays as it is. */
    public boolean doNothing() {
        return this.updateColumns.isEmpty();
    }

    /** {@code INSERT INTO table (columns) VALUES (values)}. */
    public String insert() {
        return "INSERT INTO " + this.table + " (" + String.join(", ", this.columns) + ") VALUES ("
                + String.join(", ", this.values) + ")";
    }
}
