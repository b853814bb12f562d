package io.schemaspring.ddl;

import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.Storage;
import io.schemaspring.type.EnumType;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.Type;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Checks every table-backed schema against a live database's JDBC metadata: the table
 * exists, and each query field has a column of a compatible type. One {@link Report}
 * lists every mismatch with the DDL that fixes it.
 */
public final class SchemaValidator {

    private SchemaValidator() {
    }

    /** One mismatch: what differs and the statement that fixes it. */
    public record Mismatch(String problem, String fix) {
    }

    /** Every mismatch found; {@link #toString()} is the report logged or thrown. */
    public record Report(List<Mismatch> mismatches) {

        /** A report of an unmodifiable copy of {@code mismatches}. */
        public Report {
            mismatches = List.copyOf(mismatches);
        }

        /** Whether the database matches the schemas: no mismatch was found. */
        public boolean isEmpty() {
            return this.mismatches.isEmpty();
        }

        @Override
        public String toString() {
            if (this.mismatches.isEmpty()) {
                return "The database matches the schemas.";
            }
            StringBuilder report = new StringBuilder("The database does not match the schemas ("
                    + this.mismatches.size() + (this.mismatches.size() == 1 ? " mismatch" : " mismatches") + "):\n");
            for (int i = 0; i < this.mismatches.size(); i++) {
                Mismatch mismatch = this.mismatches.get(i);
                report.append("\n")
                    .append(i + 1)
                    .append(". ")
                    .append(mismatch.problem())
                    .append("\n   Fix: ")
                    .append(mismatch.fix().replace("\n", "\n   "))
                    .append(";\n");
            }
            return report.toString();
        }
    }

    /** The report of the registry against the database of the data source. */
    public static Report validate(SchemaRegistry registry, DataSource dataSource, Dialect dialect) throws SQLException {
        List<Mismatch> mismatches = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            boolean schemas = metaData.supportsSchemasInTableDefinitions();
            List<SchemaMetadata> tables = registry.all()
                .stream()
                .filter(SchemaDdl::hasTable)
                .sorted(Comparator.comparing((SchemaMetadata schema) -> String.valueOf(schema.prefix()))
                    .thenComparing(schema -> Objects.requireNonNull(schema.source())))
                .toList();
            for (SchemaMetadata schema : tables) {
                validate(registry, schema, connection, metaData, schemas, dialect, mismatches);
            }
        }
        return new Report(mismatches);
    }

    private static void validate(SchemaRegistry registry, SchemaMetadata schema, Connection connection,
            DatabaseMetaData metaData, boolean schemas, Dialect dialect, List<Mismatch> mismatches)
            throws SQLException {
        String table = dialect.fold(Objects.requireNonNull(schema.source()));
        String prefix = schema.prefix() == null ? null : dialect.fold(schema.prefix());
        String catalog = schemas ? connection.getCatalog() : prefix != null ? prefix : connection.getCatalog();
        String schemaPattern = schemas ? (prefix != null ? prefix : connection.getSchema()) : null;
        Map<String, ColumnInfo> columns = new LinkedHashMap<>();
        try (ResultSet rows = metaData.getColumns(catalog, schemaPattern, table, null)) {
            while (rows.next()) {
                if (table.equalsIgnoreCase(rows.getString("TABLE_NAME"))) {
                    columns.put(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            new ColumnInfo(rows.getInt("DATA_TYPE"), String.valueOf(rows.getString("TYPE_NAME"))));
                }
            }
        }
        String tableName = SchemaDdl.tableName(schema, dialect);
        String schemaName = schema.schemaClass().getSimpleName();
        if (columns.isEmpty()) {
            mismatches.add(new Mismatch("Table " + tableName + " of schema " + schemaName + " does not exist.",
                    SchemaDdl.createTable(registry, schema, dialect)));
            return;
        }
        for (String field : schema.queryFields()) {
            FieldMetadata metadata = Objects.requireNonNull(schema.field(field));
            String column = Objects.requireNonNull(metadata.source());
            ColumnInfo found = columns.get(column.toLowerCase(Locale.ROOT));
            String where = "Column " + dialect.quote(column) + " of " + tableName + " (field " + schemaName + "."
                    + field + ", " + metadata.type() + ")";
            String expected = SchemaDdl.columnType(metadata.type(), dialect);
            if (found == null) {
                mismatches.add(new Mismatch(where + " does not exist.", "ALTER TABLE " + tableName + " ADD COLUMN "
                        + SchemaDdl.columnDefinition(schema, field, dialect)));
            }
            else if (!compatible(metadata.type(), dialect, found)) {
                mismatches.add(new Mismatch(
                        where + " has type " + found.typeName().toUpperCase(Locale.ROOT) + ", expected " + expected
                                + ".",
                        dialect.columnTypes().alterColumnType(tableName, dialect.quote(column), expected)));
            }
        }
    }

    private record ColumnInfo(int dataType, String typeName) {

        boolean named(String... names) {
            String lower = this.typeName.toLowerCase(Locale.ROOT);
            for (String name : names) {
                if (lower.contains(name)) {
                    return true;
                }
            }
            return false;
        }

        boolean text() {
            return switch (this.dataType) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                        Types.CLOB, Types.NCLOB ->
                    true;
                default -> named("char", "text", "clob");
            };
        }
    }

    /**
     * Whether a column of this JDBC type can hold the field type as the repository reads
     * and writes it.
     */
    static boolean compatible(Type type, Dialect dialect, ColumnInfo column) {
        Storage storage = dialect.storage(type);
        if (storage instanceof Storage.NativeArray) {
            return column.dataType() == Types.ARRAY || column.named("array", "[]") || column.typeName().startsWith("_");
        }
        if (storage instanceof Storage.Scalar scalar) {
            // a PostgreSQL enum type (JDBC OTHER) holds the strings of an Ecto.Enum
            return compatible(scalar.type(), column)
                    || type instanceof EnumType enumType && !enumType.integer() && column.dataType() == Types.OTHER;
        }
        return json(column);
    }

    private static boolean json(ColumnInfo column) {
        return column.named("json") || column.text();
    }

    private static boolean compatible(FieldType type, ColumnInfo column) {
        int jdbc = column.dataType();
        return switch (type) {
            case ID, INTEGER -> jdbc == Types.BIGINT || jdbc == Types.INTEGER || jdbc == Types.SMALLINT
                    || jdbc == Types.TINYINT || jdbc == Types.NUMERIC || jdbc == Types.DECIMAL;
            case FLOAT -> jdbc == Types.DOUBLE || jdbc == Types.FLOAT || jdbc == Types.REAL || jdbc == Types.NUMERIC
                    || jdbc == Types.DECIMAL;
            case DECIMAL -> jdbc == Types.NUMERIC || jdbc == Types.DECIMAL || column.named("decfloat");
            case BOOLEAN -> jdbc == Types.BOOLEAN || jdbc == Types.BIT || jdbc == Types.TINYINT;
            case STRING, DURATION -> column.text();
            case BINARY -> jdbc == Types.BINARY || jdbc == Types.VARBINARY || jdbc == Types.LONGVARBINARY
                    || jdbc == Types.BLOB || column.named("bytea", "blob", "binary");
            case BINARY_ID, UUID -> column.named("uuid") || column.text();
            case BITSTRING -> column.named("varbit", "bit varying") || column.text();
            case DATE -> jdbc == Types.DATE;
            case TIME, TIME_USEC -> jdbc == Types.TIME || jdbc == Types.TIME_WITH_TIMEZONE;
            case NAIVE_DATETIME, NAIVE_DATETIME_USEC, UTC_DATETIME, UTC_DATETIME_USEC ->
                jdbc == Types.TIMESTAMP || jdbc == Types.TIMESTAMP_WITH_TIMEZONE;
            case MAP -> json(column);
            case ANY, DEFAULT -> true;
        };
    }

}
