package io.schemaspring.repo;

import io.schemaspring.metadata.SchemaMetadata;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Whether the database itself keeps a schema's primary key unique (a primary key or unique index
 * on some of its columns), read once per table from JDBC metadata. Where it does not (a view, a
 * table without keys), a write of one struct runs in a transaction, so that one matching several
 * rows is rolled back with a {@link MultiplePrimaryKeyException} instead of changing them all.
 */
final class UniqueKeys {

    private final JdbcTemplate jdbc;
    private final Map<String, Boolean> enforced = new ConcurrentHashMap<>();

    UniqueKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean enforced(SchemaMetadata metadata, @Nullable String prefix) {
        String table = metadata.source();
        if (table == null || metadata.primaryKey().isEmpty()) {
            return true;
        }
        String key = prefix + "." + table;
        Boolean known = this.enforced.get(key);
        if (known != null) {
            return known;
        }
        Set<String> columns = new HashSet<>();
        metadata.primaryKey().forEach(field -> columns.add(metadata.fieldSource(field).toLowerCase(Locale.ROOT)));
        try {
            Boolean read = this.jdbc.execute((ConnectionCallback<Boolean>) connection -> read(connection, table, prefix, columns));
            if (read != null) {
                this.enforced.put(key, read);
                return read;
            }
        }
        catch (DataAccessException ex) {
            // unknown (an aborted transaction cannot read metadata): guard this write, read again next time
        }
        return false;
    }

    private static @Nullable Boolean read(Connection connection, String table, @Nullable String prefix, Set<String> key)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean schemas = meta.supportsSchemasInTableDefinitions();
        String catalog = schemas || prefix == null ? connection.getCatalog() : prefix;
        String schema = !schemas ? null : prefix != null ? prefix : connection.getSchema();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            Map<String, Set<String>> uniques = new HashMap<>();
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
                return uniques.values().stream().anyMatch(key::containsAll);
            }
            try (ResultSet tables = meta.getTables(catalog, schema, name, null)) {
                if (tables.next()) {
                    return false;
                }
            }
        }
        return null;
    }
}
