package io.schemaspring.repo;

import io.schemaspring.metadata.SchemaMetadata;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the database itself keeps a schema's primary key unique (a primary key or
 * unique index on some of its columns), read once per table from JDBC metadata. Where it
 * does not (a view, a table without keys), a write of one struct runs in a transaction,
 * so that one matching several rows is rolled back with a
 * {@link MultiplePrimaryKeyException} instead of changing them all.
 */
final class UniqueKeys {

    private static final String NO_PREFIX = "\u0000";

    private final JdbcTemplate jdbc;

    /**
     * By schema, then prefix: the table's unique keys (empty when they could not be
     * read).
     */
    private final Map<SchemaMetadata, Map<String, List<Set<String>>>> keys = new ConcurrentHashMap<>();

    private final Map<SchemaMetadata, Map<String, Boolean>> enforced = new ConcurrentHashMap<>();

    UniqueKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the table keeps the schema's primary key unique; answered from a cache
     * after the first write.
     */
    boolean enforced(SchemaMetadata metadata, @Nullable String prefix) {
        if (metadata.source() == null || metadata.primaryKey().isEmpty()) {
            return true;
        }
        // A null (keys that could not be read) is not remembered: the next write asks
        // again.
        Boolean enforced = this.enforced.computeIfAbsent(metadata, schema -> new ConcurrentHashMap<>())
            .computeIfAbsent(prefix == null ? NO_PREFIX : prefix, ignored -> {
                List<Set<String>> unique = keys(metadata, prefix);
                if (unique == null) {
                    return null;
                }
                Set<String> columns = new HashSet<>();
                metadata.primaryKey()
                    .forEach(field -> columns.add(metadata.fieldSource(field).toLowerCase(Locale.ROOT)));
                return unique.stream().anyMatch(columns::containsAll);
            });
        return Boolean.TRUE.equals(enforced);
    }

    /**
     * The table's unique keys (its primary key and unique indexes) as the fields of the
     * schema that hold their columns; keys with a column the schema does not map are left
     * out.
     */
    List<List<String>> fields(SchemaMetadata metadata, @Nullable String prefix) {
        List<Set<String>> unique = metadata.source() == null ? null : keys(metadata, prefix);
        if (unique == null) {
            return List.of();
        }
        Map<String, String> fieldsByColumn = new HashMap<>();
        for (String field : metadata.fields()) {
            String source = metadata.fieldSource(field);
            if (source != null) {
                fieldsByColumn.put(source.toLowerCase(Locale.ROOT), field);
            }
        }
        List<List<String>> fields = new ArrayList<>();
        for (Set<String> key : unique) {
            List<String> names = key.stream()
                .map(fieldsByColumn::get)
                .sorted(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                .toList();
            if (!names.contains(null) && !fields.contains(names)) {
                fields.add(names);
            }
        }
        return fields;
    }

    /**
     * The column sets of the table's unique keys, lower-cased, read once; none when the
     * table is not found (remembered too, so such a table is not looked up on every
     * write).
     */
    private @Nullable List<Set<String>> keys(SchemaMetadata metadata, @Nullable String prefix) {
        try {
            return this.keys.computeIfAbsent(metadata, schema -> new ConcurrentHashMap<>())
                .computeIfAbsent(prefix == null ? NO_PREFIX : prefix, ignored -> {
                    List<Set<String>> read = this.jdbc
                        .execute((ConnectionCallback<List<Set<String>>>) connection -> read(connection,
                                metadata.source(), prefix));
                    return read == null ? List.of() : read;
                });
        }
        catch (DataAccessException ex) {
            // An aborted transaction cannot read metadata: this write is guarded, and the
            // next one reads again.
            return null;
        }
    }

    private static @Nullable List<Set<String>> read(Connection connection, String table, @Nullable String prefix)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean schemas = meta.supportsSchemasInTableDefinitions();
        String catalog = schemas || prefix == null ? connection.getCatalog() : prefix;
        String schema = !schemas ? null : prefix != null ? prefix : connection.getSchema();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            Map<String, Set<String>> uniques = new java.util.LinkedHashMap<>();
            try (ResultSet primary = meta.getPrimaryKeys(catalog, schema, name)) {
                while (primary.next()) {
                    uniques.computeIfAbsent("primary", k -> new HashSet<>())
                        .add(primary.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            try (ResultSet indexes = meta.getIndexInfo(catalog, schema, name, true, true)) {
                while (indexes.next()) {
                    String column = indexes.getString("COLUMN_NAME");
                    if (column != null && !indexes.getBoolean("NON_UNIQUE")) {
                        uniques.computeIfAbsent("index " + indexes.getString("INDEX_NAME"), k -> new HashSet<>())
                            .add(column.toLowerCase(Locale.ROOT));
                    }
                }
            }
            if (!uniques.isEmpty()) {
                return List.copyOf(uniques.values());
            }
            try (ResultSet tables = meta.getTables(catalog, schema, name, null)) {
                if (tables.next()) {
                    return List.of();
                }
            }
        }
        return null;
    }

}
