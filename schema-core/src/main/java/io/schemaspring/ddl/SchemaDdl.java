package io.schemaspring.ddl;

import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.ConstraintNames;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.AutogenerateId;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.JoinColumn;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code CREATE TABLE} statements of a registry, a migration's starting point: every
 * table-backed schema with its columns typed as the dialect stores the field types (JSON
 * for maps and embeds, arrays where the database has them, else JSON), its primary key
 * (an identity or auto-increment column for a database-generated {@code :id}), the
 * foreign keys of its {@code belongs_to} associations named as
 * {@code foreignKeyConstraint} expects (table, column, {@code _fkey}:
 * {@code comments_post_id_fkey}) and the join tables of its {@code many_to_many}
 * associations. Referenced tables come first; foreign keys of a reference cycle follow as
 * {@code ALTER TABLE ... ADD CONSTRAINT}. Unique indexes, checks and defaults are not
 * known to the schemas and are left to the migration.
 */
public final class SchemaDdl {

    private SchemaDdl() {
    }

    /**
     * The statements (without a trailing semicolon) creating every table of the registry,
     * referenced tables first.
     */
    public static List<String> create(SchemaRegistry registry, Dialect dialect) {
        Map<String, TableDef> tables = new LinkedHashMap<>();
        registry.all()
            .stream()
            .filter(SchemaDdl::hasTable)
            .sorted(Comparator.comparing(SchemaDdl::qualifiedName))
            .forEach(schema -> tables.putIfAbsent(qualifiedName(schema), table(registry, schema, dialect)));
        registry.all()
            .stream()
            .filter(SchemaDdl::hasTable)
            .sorted(Comparator.comparing(SchemaDdl::qualifiedName))
            .forEach(schema -> joinTables(registry, schema, dialect)
                .forEach(join -> tables.putIfAbsent(join.key, join)));
        List<String> created = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        List<String> deferred = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (TableDef table : tables.values()) {
            emit(table, tables, created, visiting, statements, deferred, dialect);
        }
        statements.addAll(deferred);
        return List.copyOf(statements);
    }

    /**
     * The {@code CREATE TABLE} statement of one schema's table, with its foreign keys.
     */
    public static String createTable(SchemaRegistry registry, SchemaMetadata schema, Dialect dialect) {
        return table(registry, schema, dialect).render(dialect, Set.of());
    }

    /**
     * The definition ({@code name type}) of a field's column, as
     * {@code ALTER TABLE ... ADD COLUMN} takes it.
     */
    public static String columnDefinition(SchemaMetadata schema, String field, Dialect dialect) {
        FieldMetadata metadata = Objects.requireNonNull(schema.field(field), () -> "Unknown field " + field);
        return dialect.quote(Objects.requireNonNull(metadata.source())) + " " + columnType(metadata.type(), dialect);
    }

    /**
     * The table name of a schema, qualified with its prefix and quoted as the dialect
     * quotes it.
     */
    public static String tableName(SchemaMetadata schema, Dialect dialect) {
        return tableName(schema.prefix(), Objects.requireNonNull(schema.source()), dialect);
    }

    /**
     * The column type the dialect stores a field type in, as the repository's codecs read
     * and write it.
     */
    public static String columnType(Type type, Dialect dialect) {
        return dialect.columnType(dialect.storage(type));
    }

    static boolean hasTable(SchemaMetadata schema) {
        return !schema.embedded() && schema.source() != null;
    }

    private static String qualifiedName(SchemaMetadata schema) {
        return qualifiedName(schema.prefix(), Objects.requireNonNull(schema.source()));
    }

    private static String qualifiedName(@Nullable String prefix, String table) {
        return prefix == null ? table : prefix + "." + table;
    }

    private static String tableName(@Nullable String prefix, String table, Dialect dialect) {
        return dialect.quoteTable(prefix, table);
    }

    private static void emit(TableDef table, Map<String, TableDef> tables, List<String> created, Set<String> visiting,
            List<String> statements, List<String> deferred, Dialect dialect) {
        if (created.contains(table.key) || !visiting.add(table.key)) {
            return;
        }
        Set<ForeignKey> later = new HashSet<>();
        for (ForeignKey foreignKey : table.foreignKeys) {
            TableDef referenced = tables.get(foreignKey.referencedKey);
            if (referenced == null || referenced == table || created.contains(referenced.key)) {
                continue;
            }
            if (visiting.contains(referenced.key)) {
                later.add(foreignKey);
                deferred.add("ALTER TABLE " + table.name + " ADD " + foreignKey.render(dialect));
                continue;
            }
            emit(referenced, tables, created, visiting, statements, deferred, dialect);
        }
        visiting.remove(table.key);
        created.add(table.key);
        statements.add(table.render(dialect, later));
    }

    private static TableDef table(SchemaRegistry registry, SchemaMetadata schema, Dialect dialect) {
        String source = Objects.requireNonNull(schema.source());
        AutogenerateId autogenerateId = schema.autogenerateId();
        boolean identity = autogenerateId != null && schema.primaryKey().size() == 1
                && autogenerateId.type() instanceof PrimitiveType primitive && primitive.fieldType() == FieldType.ID;
        List<String> columns = new ArrayList<>();
        for (String field : schema.fields()) {
            FieldMetadata metadata = Objects.requireNonNull(schema.field(field));
            String column = Objects.requireNonNull(metadata.source());
            if (identity && metadata.primaryKey()) {
                columns.add(dialect.quote(column) + " " + dialect.columnTypes().identityColumnType(FieldType.ID)
                        + " PRIMARY KEY");
            }
            else {
                columns.add(dialect.quote(column) + " " + columnType(metadata.type(), dialect)
                        + (metadata.primaryKey() ? " NOT NULL" : ""));
            }
        }
        List<String> primaryKey = identity ? List.of()
                : schema.primaryKey().stream().map(field -> Objects.requireNonNull(schema.fieldSource(field))).toList();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (String name : schema.associations()) {
            AssociationMetadata association = Objects.requireNonNull(schema.association(name));
            SchemaMetadata related = registry.find(association.related());
            if (association.kind() != AssociationKind.BELONGS_TO || related == null || !hasTable(related)
                    || association.ownerKey() == null || association.relatedKey() == null) {
                continue;
            }
            String column = schema.fieldSource(association.ownerKey());
            String referencedColumn = related.fieldSource(association.relatedKey());
            if (column != null && referencedColumn != null) {
                foreignKeys.add(new ForeignKey(ConstraintNames.foreignKey(source, column), column,
                        qualifiedName(related), tableName(related, dialect), referencedColumn));
            }
        }
        return new TableDef(qualifiedName(schema), tableName(schema, dialect), columns, primaryKey, foreignKeys);
    }

    private static List<TableDef> joinTables(SchemaRegistry registry, SchemaMetadata schema, Dialect dialect) {
        List<TableDef> joins = new ArrayList<>();
        for (String name : schema.associations()) {
            AssociationMetadata association = Objects.requireNonNull(schema.association(name));
            SchemaMetadata related = registry.find(association.related());
            String joinTable = association.joinThrough();
            if (association.kind() != AssociationKind.MANY_TO_MANY || association.joinThroughSchema() != null
                    || joinTable == null || related == null || !hasTable(related)
                    || association.joinKeys().size() != 2) {
                continue;
            }
            List<String> columns = new ArrayList<>();
            List<String> keyColumns = new ArrayList<>();
            List<ForeignKey> foreignKeys = new ArrayList<>();
            SchemaMetadata[] sides = { schema, related };
            for (int i = 0; i < 2; i++) {
                JoinColumn key = association.joinKeys().get(i);
                SchemaMetadata side = sides[i];
                Type type = Objects.requireNonNull(side.type(key.references()));
                columns.add(dialect.quote(key.column()) + " " + columnType(type, dialect) + " NOT NULL");
                keyColumns.add(key.column());
                foreignKeys.add(new ForeignKey(ConstraintNames.foreignKey(joinTable, key.column()), key.column(),
                        qualifiedName(side), tableName(side, dialect), key.referencesColumn()));
            }
            joins.add(new TableDef(qualifiedName(schema.prefix(), joinTable),
                    tableName(schema.prefix(), joinTable, dialect), columns, keyColumns, foreignKeys));
        }
        return joins;
    }

    private record ForeignKey(String name, String column, String referencedKey, String referencedTable,
            String referencedColumn) {

        String render(Dialect dialect) {
            return "CONSTRAINT " + dialect.quote(this.name) + " FOREIGN KEY (" + dialect.quote(this.column)
                    + ") REFERENCES " + this.referencedTable + " (" + dialect.quote(this.referencedColumn) + ")";
        }
    }

    private record TableDef(String key, String name, List<String> columns, List<String> primaryKey,
            List<ForeignKey> foreignKeys) {

        String render(Dialect dialect, Set<ForeignKey> without) {
            List<String> parts = new ArrayList<>(this.columns);
            if (!this.primaryKey.isEmpty()) {
                parts.add("PRIMARY KEY (" + String.join(", ", this.primaryKey.stream().map(dialect::quote).toList())
                        + ")");
            }
            this.foreignKeys.stream()
                .filter(foreignKey -> !without.contains(foreignKey))
                .forEach(foreignKey -> parts.add(foreignKey.render(dialect)));
            return "CREATE TABLE " + this.name + " (\n  " + String.join(",\n  ", parts) + "\n)";
        }
    }

}
