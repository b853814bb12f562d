package io.schemaspring.repo.internal.sql;

import java.util.List;

/**
 * {@code WITH [RECURSIVE] name (columns) AS (body), ...}: the common table expressions a
 * statement reads.
 */
public record With(boolean recursive, List<Cte> ctes) {

    public With {
        ctes = List.copyOf(ctes);
    }

    /**
     * One common table expression: its name, its column names and the select whose rows
     * it holds, a {@link Select} or a {@link CombinedSelect}.
     */
    public record Cte(String name, List<String> columns, Object body) {

        public Cte {
            columns = List.copyOf(columns);
            if (!(body instanceof Select) && !(body instanceof CombinedSelect)) {
                throw new IllegalArgumentException("a common table expression holds a select, not " + body);
            }
        }

    }

}
