package io.schemaspring.repo.internal.sql;

import java.util.List;

/**
 * Rows given in the statement as a table, Ecto's {@code values/2}: each row selects one
 * marker per column, {@code ?} for a bound value or {@code NULL} for a column the rows do
 * not name, the rows joined with {@code UNION ALL} (which every supported database reads
 * as a derived table with named columns). Column names are unquoted.
 *
 * @param columns the columns of the table
 * @param markers the marker of each column, the same in every row
 * @param rows how many rows the list holds
 */
public record ValuesList(List<String> columns, List<String> markers, int rows) {

    /** Copies the lists and refuses a marker count that differs from the column count. */
    public ValuesList {
        columns = List.copyOf(columns);
        markers = List.copyOf(markers);
        if (columns.size() != markers.size() || rows < 1) {
            throw new IllegalArgumentException("ValuesList of " + columns + " needs one marker per column and a row, "
                    + "got " + markers + " and " + rows + " rows");
        }
    }

}
