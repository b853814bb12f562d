package io.schemaspring.repo.internal.mapping;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one struct from the current row (internal; public because generated classes
 * implement it).
 */
public interface RowReader {

    Object read(ResultSet resultSet, int firstColumn) throws SQLException;

}
