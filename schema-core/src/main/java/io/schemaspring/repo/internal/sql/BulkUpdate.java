package io.schemaspring.repo.internal.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code UPDATE table SET set = ?, ..., inc = inc + ?, ..., computed = value, ... WHERE ...},
 * Ecto's {@code update_all}. A column listed in {@code jsonColumns} takes a JSON
 * parameter; each of {@code computedColumns} is set to its computed value.
 */
public record BulkUpdate(Table table, List<String> setColumns, List<String> incColumns, List<String> jsonColumns,
        @Nullable Condition where, List<String> computedColumns, List<Condition> computedValues) {

    public BulkUpdate {
        setColumns = List.copyOf(setColumns);
        incColumns = List.copyOf(incColumns);
        jsonColumns = List.copyOf(jsonColumns);
        computedColumns = List.copyOf(computedColumns);
        computedValues = List.copyOf(computedValues);
    }

    /** An update without computed values. */
    public BulkUpdate(Table table, List<String> setColumns, List<String> incColumns, List<String> jsonColumns,
            @Nullable Condition where) {
        this(table, setColumns, incColumns, jsonColumns, where, List.of(), List.of());
    }
}
