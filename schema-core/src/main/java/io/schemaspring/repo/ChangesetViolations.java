package io.schemaspring.repo;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.changeset.UndeclaredConstraintException;
import io.schemaspring.repo.dialect.ConstraintViolation;
import io.schemaspring.changeset.UnstorableValueException;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a changeset write throws for a database violation that no declared constraint
 * matched: a field error for a value too long for its column (SQLState 22001) or with
 * bytes the database cannot store (22021, a NUL on PostgreSQL), else
 * {@link UnstorableValueException} for such values and any other value the database
 * refused (a data exception, SQLState class 22: a number out of range for its column,
 * say); "can't be blank" on the field of a NOT NULL column left empty; else
 * {@link UndeclaredConstraintException}. Column sizes come from JDBC metadata, read once
 * per table, because PostgreSQL's message does not name the column.
 */
final class ChangesetViolations {

    private static final String TOO_LONG = "22001";

    private static final String INVALID_BYTES = "22021";

    private static final String DATA_EXCEPTION = "22";

    private static final Set<Integer> SIZED = Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR,
            Types.BINARY, Types.VARBINARY);

    private final Map<String, Map<String, Integer>> columnSizes = new ConcurrentHashMap<>();

    RuntimeException translate(JdbcTemplate jdbc, boolean utf16Sizes, String action, Changeset<?> changeset,
            @Nullable String prefix, DataIntegrityViolationException violation,
            @Nullable ConstraintViolation constraint) {
        SchemaMetadata metadata = changeset.metadata();
        String state = sqlState(violation);
        boolean named;
        if (TOO_LONG.equals(state)) {
            named = addTooLong(changeset, columnSizes(jdbc, metadata, prefix), utf16Sizes);
        }
        else if (INVALID_BYTES.equals(state)) {
            named = addInvalidBytes(changeset);
        }
        else if (state != null && state.startsWith(DATA_EXCEPTION)) {
            named = false;
        }
        else if (constraint != null && constraint.kind() == ConstraintViolation.Kind.NOT_NULL
                && addBlank(changeset, constraint.name())) {
            return new InvalidChangesetException(action, changeset);
        }
        else {
            return new UndeclaredConstraintException(action, metadata.schemaClass(),
                    constraint == null ? null : constraint.kind().ectoName(),
                    constraint == null ? null : constraint.name(),
                    constraint == null ? null : constraint.kind().declaration(), violation);
        }
        return named ? new InvalidChangesetException(action, changeset)
                : new UnstorableValueException(action, metadata.schemaClass(), state, violation);
    }

    private static @Nullable String sqlState(Throwable violation) {
        for (Throwable cause = violation; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /**
     * Names the changed values longer than their columns, in characters (code points) as
     * PostgreSQL and MariaDB count them, or in UTF-16 units on a database that counts so
     * (H2, where a character outside the Basic Multilingual Plane takes two).
     */
    private static boolean addTooLong(Changeset<?> changeset, Map<String, Integer> sizes, boolean utf16Sizes) {
        SchemaMetadata metadata = changeset.metadata();
        boolean named = false;
        for (Map.Entry<String, @Nullable Object> change : changeset.changes().entrySet()) {
            FieldMetadata field = metadata.field(change.getKey());
            Integer size = field == null ? null
                    : sizes.get(metadata.fieldSource(field.name()).toLowerCase(Locale.ROOT));
            Object value = change.getValue();
            boolean text = value instanceof CharSequence;
            int length = value instanceof CharSequence chars
                    ? (utf16Sizes ? chars.length() : Character.codePointCount(chars, 0, chars.length()))
                    : value instanceof byte[] bytes ? bytes.length : -1;
            if (size != null && length > size) {
                Map<String, Object> keys = new LinkedHashMap<>();
                keys.put("count", size);
                keys.put("validation", "length");
                keys.put("kind", "max");
                keys.put("type", text ? "string" : "binary");
                changeset.addError(field.name(),
                        text ? "should be at most %{count} character(s)" : "should be at most %{count} byte(s)", keys);
                named = true;
            }
        }
        return named;
    }

    /**
     * Adds Ecto's "can't be blank" to the field stored in the NOT NULL column, if the
     * schema has one.
     */
    private static boolean addBlank(Changeset<?> changeset, @Nullable String column) {
        if (column == null) {
            return false;
        }
        SchemaMetadata metadata = changeset.metadata();
        for (String field : metadata.fields()) {
            if (column.equalsIgnoreCase(metadata.fieldSource(field))) {
                changeset.addError(field, "can't be blank", Map.of("validation", "required"));
                return true;
            }
        }
        return false;
    }

    private static boolean addInvalidBytes(Changeset<?> changeset) {
        SchemaMetadata metadata = changeset.metadata();
        boolean named = false;
        for (Map.Entry<String, @Nullable Object> change : changeset.changes().entrySet()) {
            FieldMetadata field = metadata.field(change.getKey());
            if (field != null && change.getValue() instanceof CharSequence chars
                    && chars.toString().indexOf('\u0000') >= 0) {
                changeset.addError(field.name(), "is invalid",
                        Map.of("type", field.type().toString(), "validation", "cast"));
                named = true;
            }
        }
        return named;
    }

    /**
     * Sizes of the character and binary columns by lower-case name; empty when the
     * metadata cannot be read.
     */
    private Map<String, Integer> columnSizes(JdbcTemplate jdbc, SchemaMetadata metadata, @Nullable String prefix) {
        String table = metadata.source();
        if (table == null) {
            return Map.of();
        }
        String key = prefix + "." + table;
        Map<String, Integer> cached = this.columnSizes.get(key);
        if (cached != null) {
            return cached;
        }
        try {
            // Inside a transaction PostgreSQL has aborted, the metadata query fails too:
            // no field is named then.
            Map<String, Integer> sizes = jdbc
                .execute((ConnectionCallback<Map<String, Integer>>) connection -> readSizes(connection, table, prefix));
            if (sizes != null && !sizes.isEmpty()) {
                this.columnSizes.put(key, sizes);
                return sizes;
            }
        }
        catch (DataAccessException ex) {
            // fall through: the violation is answered without a field
        }
        return Map.of();
    }

    private static Map<String, Integer> readSizes(Connection connection, String table, @Nullable String prefix)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean schemas = meta.supportsSchemasInTableDefinitions();
        String catalog = schemas || prefix == null ? connection.getCatalog() : prefix;
        String schema = !schemas ? null : prefix != null ? prefix : connection.getSchema();
        String escape = meta.getSearchStringEscape();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            Map<String, Integer> sizes = new HashMap<>();
            try (ResultSet columns = meta.getColumns(catalog, pattern(schema, escape), pattern(name, escape), null)) {
                while (columns.next()) {
                    if (SIZED.contains(columns.getInt("DATA_TYPE"))) {
                        sizes.put(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                                columns.getInt("COLUMN_SIZE"));
                    }
                }
            }
            if (!sizes.isEmpty()) {
                return sizes;
            }
        }
        return Map.of();
    }

    private static @Nullable String pattern(@Nullable String name, @Nullable String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

}
