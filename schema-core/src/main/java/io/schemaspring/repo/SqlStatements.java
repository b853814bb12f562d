package io.schemaspring.repo;

import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.Codec;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Statements written by the user ({@code @SqlQuery}): named parameters always bound, a
 * parameter named like a schema field cast to its type and bound by its codec; rows
 * mapped to the schema by column label, so {@code select *} and any column order work.
 */
final class SqlStatements {

    private final RepoContext context;

    private final NamedParameterJdbcTemplate named;

    SqlStatements(RepoContext context) {
        this.context = context;
        this.named = new NamedParameterJdbcTemplate(context.jdbc);
    }

    @SuppressWarnings("unchecked")
    /**
     * {@code storedIn}: the prefix the SQL reads, when known; the rows are then known to
     * live there.
     */
    <T> List<T> query(Class<T> schema, @Nullable String storedIn, String sql, Map<String, ?> parameters) {
        SchemaMapping mapping = this.context.mapping(schema);
        List<T> rows = this.named.query(sql, parameters(mapping, parameters), resultSet -> {
            List<T> result = new ArrayList<>();
            Column[] columns = null;
            while (resultSet.next()) {
                if (columns == null) {
                    columns = columns(mapping, resultSet.getMetaData());
                }
                result.add((T) read(mapping.metadata(), columns, resultSet));
            }
            return result;
        });
        if (storedIn != null) {
            this.context.states.loaded(mapping.metadata(), rows, storedIn);
        }
        return rows;
    }

    <T> List<T> queryForList(String sql, Map<String, ?> parameters, Class<T> type) {
        return this.named.queryForList(sql, new MapSqlParameterSource(parameters), type);
    }

    int execute(@Nullable Class<?> schema, String sql, Map<String, ?> parameters) {
        MapSqlParameterSource source = schema == null ? new MapSqlParameterSource(parameters)
                : parameters(this.context.mapping(schema), parameters);
        return this.named.update(sql, source);
    }

    private record Column(int index, FieldMetadata field, Codec codec) {
    }

    private static Column[] columns(SchemaMapping mapping, ResultSetMetaData meta) throws SQLException {
        Map<String, FieldMetadata> byColumn = new HashMap<>();
        SchemaMetadata metadata = mapping.metadata();
        for (String name : metadata.queryFields()) {
            FieldMetadata field = metadata.field(name);
            if (field != null && field.source() != null) {
                byColumn.put(field.source().toLowerCase(Locale.ROOT), field);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            FieldMetadata field = byColumn.remove(meta.getColumnLabel(i).toLowerCase(Locale.ROOT));
            if (field != null) {
                columns.add(new Column(i, field, mapping.codec(field.name())));
            }
        }
        return columns.toArray(Column[]::new);
    }

    private static Object read(SchemaMetadata metadata, Column[] columns, ResultSet resultSet) throws SQLException {
        Object struct = metadata.record() ? metadata.structs().draft(null) : metadata.structs().newInstance();
        for (Column column : columns) {
            Object value = column.codec().read(resultSet, column.index());
            if (value != null || !column.field().accessor().primitive()) {
                column.field().accessor().set(struct, value);
            }
        }
        return metadata.structs().build(struct);
    }

    /**
     * Parameters named like a schema field are cast to its type and bound by its codec,
     * as query values are.
     */
    private static MapSqlParameterSource parameters(SchemaMapping mapping, Map<String, ?> parameters) {
        MapSqlParameterSource source = new MapSqlParameterSource();
        SchemaMetadata metadata = mapping.metadata();
        parameters.forEach((name, value) -> {
            FieldMetadata field = metadata.field(name);
            if (value == null || field == null || field.source() == null || value instanceof Iterable<?>) {
                source.addValue(name, value);
                return;
            }
            Object cast = QueryCompiler.cast(metadata, name, field.type(), value);
            Codec codec = mapping.codec(name);
            source.addValue(name,
                    (SqlTypeValue) (statement, index, sqlType, typeName) -> codec.bind(statement, index, cast));
        });
        return source;
    }

}
