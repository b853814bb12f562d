package io.schemaspring.repo.internal.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Reads one value from a column of the current row; chosen once per query, not per row.
 */
@FunctionalInterface
public interface ColumnReader {

    @Nullable Object read(ResultSet resultSet, int index) throws SQLException;

}
