package io.schemaspring.metadata;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.type.FieldType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which plain fields are primary keys, foreign keys of a {@code @BelongsTo} and
 * timestamps, each checked to be declared.
 */
final class FieldRoles {

    private final SchemaClass schemaClass;

    private final DeclaredFields fields;

    /**
     * Primary key names; {@code true} when marked with {@code @PrimaryKey}, {@code false}
     * for the default key.
     */
    private final Map<String, Boolean> primaryKeys = new LinkedHashMap<>();

    /**
     * Foreign keys of the {@code @BelongsTo} defining them, with the type the association
     * sets ({@code DEFAULT} for none).
     */
    private final Map<String, FieldType> foreignKeys = new LinkedHashMap<>();

    /** Timestamp names with their configured column, {@code null} for the mapped one. */
    private final Map<String, @Nullable String> timestampSources = new LinkedHashMap<>();

    private FieldRoles(SchemaClass schemaClass, DeclaredFields fields) {
        this.schemaClass = schemaClass;
        this.fields = fields;
    }

    static FieldRoles resolve(SchemaClass schemaClass, DeclaredFields fields) {
        FieldRoles roles = new FieldRoles(schemaClass, fields);
        roles.resolvePrimaryKeys();
        roles.resolveForeignKeys();
        roles.resolveTimestamps();
        return roles;
    }

    boolean primaryKey(String name) {
        return this.primaryKeys.containsKey(name);
    }

    /**
     * A key taken from the defaults (the default key name) rather than marked with
     * {@code @PrimaryKey}.
     */
    boolean defaultPrimaryKey(String name) {
        return Boolean.FALSE.equals(this.primaryKeys.get(name));
    }

    boolean foreignKey(String name) {
        return this.foreignKeys.containsKey(name);
    }

    /**
     * The type set by {@code @BelongsTo(type = ...)} on the association defining this
     * foreign key, else {@code DEFAULT}.
     */
    FieldType foreignKeyType(String name) {
        return this.foreignKeys.getOrDefault(name, FieldType.DEFAULT);
    }

    boolean timestamp(String name) {
        return this.timestampSources.containsKey(name);
    }

    @Nullable String timestampSource(String name) {
        return this.timestampSources.get(name);
    }

    Set<String> timestamps() {
        return this.timestampSources.keySet();
    }

    private static String foreignKeyOf(String association, BelongsTo belongsTo) {
        return belongsTo.foreignKey().isEmpty() ? association + "Id" : belongsTo.foreignKey();
    }

    private void resolvePrimaryKeys() {
        for (java.lang.reflect.Field field : this.fields.plainFields().values()) {
            if (field.isAnnotationPresent(PrimaryKey.class)) {
                this.primaryKeys.put(field.getName(), Boolean.TRUE);
            }
        }
        if (!this.primaryKeys.isEmpty() || !this.schemaClass.defaultPrimaryKeyEnabled()) {
            return;
        }
        String name = this.schemaClass.defaults().primaryKeyName();
        java.lang.reflect.Field field = this.fields.plainFields().get(name);
        if (field == null || DeclaredFields.isVirtual(field)) {
            if (this.schemaClass.embedded()) {
                return;
            }
            throw this.schemaClass.error(name, "the primary key field :" + name + " is not declared",
                    "declare `private Long " + name + ";` (or UUID), mark the key fields with @PrimaryKey, "
                            + "or use @Schema(primaryKey = false) for a table without a primary key");
        }
        this.primaryKeys.put(name, Boolean.FALSE);
    }

    private void resolveForeignKeys() {
        for (java.lang.reflect.Field field : this.fields.relationFields()) {
            BelongsTo belongsTo = field.getAnnotation(BelongsTo.class);
            if (belongsTo == null) {
                continue;
            }
            String foreignKey = foreignKeyOf(field.getName(), belongsTo);
            if (foreignKey.equals(field.getName())) {
                throw this.schemaClass.error(field.getName(),
                        "foreign_key :" + foreignKey + " must be distinct from corresponding association name",
                        "name the foreign key field differently, for example " + field.getName() + "Id");
            }
            java.lang.reflect.Field key = this.fields.plainFields().get(foreignKey);
            if (key == null || DeclaredFields.isVirtual(key)) {
                throw this.schemaClass.error(field.getName(),
                        "@BelongsTo :" + field.getName() + " needs the foreign key field :" + foreignKey
                                + ", which is not declared",
                        "declare `private Long " + foreignKey + ";` or set @BelongsTo(foreignKey = \"...\")"
                                + (belongsTo.defineField() ? ""
                                        : " (defineField = false still needs the field declared)"));
            }
            if (!belongsTo.defineField()) {
                if (belongsTo.type() != FieldType.DEFAULT) {
                    throw this.schemaClass.error(field.getName(),
                            "@BelongsTo :" + field.getName()
                                    + " sets type with defineField = false, but then it does not define :" + foreignKey,
                            "set the type where :" + foreignKey
                                    + " is defined (@Field(type = ...)), or remove defineField = false");
                }
                continue;
            }
            FieldType previous = this.foreignKeys.get(foreignKey);
            if (previous != null && previous != belongsTo.type()) {
                throw this.schemaClass.error(field.getName(),
                        "two @BelongsTo define the foreign key :" + foreignKey + " with different types ("
                                + describe(previous) + " and " + describe(belongsTo.type()) + ")",
                        "set @BelongsTo(defineField = false) on all but one of them");
            }
            this.foreignKeys.put(foreignKey, belongsTo.type());
        }
    }

    private static String describe(FieldType type) {
        return type == FieldType.DEFAULT ? "the configured foreign key type" : type.toString();
    }

    private void resolveTimestamps() {
        SchemaDefaultsResolver defaults = this.schemaClass.defaults();
        if (!defaults.hasTimestamps()) {
            return;
        }
        if (defaults.insertedAtEnabled()) {
            requireTimestamp(defaults.insertedAt(), defaults.insertedAtSource(), "insertedAt");
        }
        if (defaults.updatedAtEnabled()) {
            requireTimestamp(defaults.updatedAt(), defaults.updatedAtSource(), "updatedAt");
        }
    }

    private void requireTimestamp(String name, @Nullable String source, String option) {
        java.lang.reflect.Field field = this.fields.plainFields().get(name);
        if (field == null || DeclaredFields.isVirtual(field)) {
            throw this.schemaClass.error(name, "@Timestamps needs the field :" + name + ", which is not declared",
                    "declare `private LocalDateTime " + name + ";` or set @Timestamps(" + option + " = \"...\")");
        }
        this.timestampSources.put(name, source);
    }

}
