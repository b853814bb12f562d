package io.schemaspring.repo.internal.mapping;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Binds one field's values as parameters and reads them from result sets; resolved once
 * per field and dialect.
 */
public interface Codec {

    void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException;

    @Nullable Object read(ResultSet resultSet, int index) throws SQLException;

    /**
     * Whether the parameter is JSON text (the dialect may need a special parameter
     * marker).
     */
    default boolean json() {
        return false;
    }

}
