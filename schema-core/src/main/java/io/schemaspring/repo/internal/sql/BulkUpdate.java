package io.schemaspring.repo.internal.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code UPDATE table SET set = ?, ..., inc = inc + ?, ... WHERE ...}, Ecto's
 * {@code update_all}. A column listed in {@code jsonColumns} takes a JSON parameter.
 */
public record BulkUpdate(Table table, List<String> setColumns, List<String> incColumns, List<String> jsonColumns,
        @Nullable Condition where) {

    public BulkUpdate {
        setColumns = List.copyOf(setColumns);
        incColumns = List.copyOf(incColumns);
        jsonColumns = List.copyOf(jsonColumns);
    }
}
