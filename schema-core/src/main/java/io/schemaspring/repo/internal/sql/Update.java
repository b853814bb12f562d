package io.schemaspring.repo.internal.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code UPDATE table SET column = ?, ... WHERE ...}, reading {@code returning} back. */
public record Update(Table table, List<String> columns, List<String> jsonColumns, @Nullable Condition where,
        List<String> returning) {

    public Update {
        columns = List.copyOf(columns);
        jsonColumns = List.copyOf(jsonColumns);
        returning = List.copyOf(returning);
    }
}
