package io.schemaspring.repo;

import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs an insert or update that reads columns back into the struct: generated ids and
 * {@code readAfterWrites} fields, through RETURNING or JDBC generated keys as the dialect
 * can.
 */
final class ReadBack {

    private final RepoContext context;

    ReadBack(RepoContext context) {
        this.context = context;
    }

    /** False when the statement touched no row. */
    boolean write(String sql, Parameters parameters, SchemaMapping mapping, Object struct, List<String> returning,
            Dialect.Returning style) {
        if (style == Dialect.Returning.GENERATED_KEYS) {
            String[] names = returning.stream()
                .map(field -> this.context.dialect.fold(mapping.metadata().fieldSource(field)))
                .toArray(String[]::new);
            return Boolean.TRUE
                .equals(this.context.jdbc.execute((Connection connection) -> connection.prepareStatement(sql, names),
                        (PreparedStatement statement) -> {
                            parameters.setValues(statement);
                            int count = statement.executeUpdate();
                            if (count == 0) {
                                return false;
                            }
                            requireOne(mapping, count);
                            try (ResultSet keys = statement.getGeneratedKeys()) {
                                if (!keys.next()) {
                                    return false;
                                }
                                read(mapping, struct, returning, keys);
                                return true;
                            }
                        }));
        }
        return Boolean.TRUE.equals(this.context.jdbc.query(sql, parameters, resultSet -> {
            if (!resultSet.next()) {
                return false;
            }
            read(mapping, struct, returning, resultSet);
            int count = 1;
            while (resultSet.next()) {
                count++;
            }
            requireOne(mapping, count);
            return true;
        }));
    }

    private static void requireOne(SchemaMapping mapping, int count) {
        if (count > 1) {
            SchemaMetadata metadata = mapping.metadata();
            throw new MultiplePrimaryKeyException("write", metadata.schemaClass(), metadata.source(),
                    metadata.primaryKey(), count);
        }
    }

    static void read(SchemaMapping mapping, Object struct, List<String> fields, ResultSet resultSet)
            throws SQLException {
        for (int i = 0; i < fields.size(); i++) {
            FieldMetadata field = mapping.metadata().field(fields.get(i));
            Object value = mapping.codec(field.name()).read(resultSet, i + 1);
            if (value != null || !field.accessor().primitive()) {
                field.accessor().set(struct, value);
            }
        }
    }

}
