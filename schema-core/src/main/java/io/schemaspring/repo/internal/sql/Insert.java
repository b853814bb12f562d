package io.schemaspring.repo.internal.sql;

import java.util.List;

/**
 * {@code INSERT INTO table (columns) VALUES (?, ...)}, reading {@code returning} back. A
 * column listed in {@code jsonColumns} takes a JSON parameter (rendered as the dialect
 * requires).
 */
public record Insert(Table table, List<String> columns, List<String> jsonColumns, List<String> returning) {

    public Insert {
        columns = List.copyOf(columns);
        jsonColumns = List.copyOf(jsonColumns);
        returning = List.copyOf(returning);
    }
}
