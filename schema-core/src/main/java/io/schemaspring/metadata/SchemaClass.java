package io.schemaspring.metadata;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The class being introspected with its class-level facts: annotation, table, prefix and
 * defaults.
 */
final class SchemaClass {

    private final Class<?> type;

    private final @Nullable Schema schema;

    private final SchemaDefaultsResolver defaults;

    SchemaClass(Class<?> type, SchemaSettings settings) {
        this.type = type;
        this.schema = type.getAnnotation(Schema.class);
        this.defaults = new SchemaDefaultsResolver(type, settings);
    }

    Class<?> type() {
        return this.type;
    }

    @Nullable Schema schema() {
        return this.schema;
    }

    /**
     * An embedded schema: {@code @EmbeddedSchema} or an inline embed, stored inside its
     * parent.
     */
    boolean embedded() {
        return this.schema == null;
    }

    SchemaDefaultsResolver defaults() {
        return this.defaults;
    }

    void checkAnnotations(boolean inlineEmbed) {
        boolean embeddedAnnotation = this.type.isAnnotationPresent(EmbeddedSchema.class);
        if (this.schema != null && embeddedAnnotation) {
            throw error(null, "it is annotated with both @Schema and @EmbeddedSchema",
                    "keep @Schema for a table or @EmbeddedSchema for a JSON embed");
        }
        if (this.schema == null && !embeddedAnnotation && !inlineEmbed) {
            throw error(null, "it is not annotated with @Schema or @EmbeddedSchema",
                    "annotate it with @Schema(\"table\") or @EmbeddedSchema");
        }
    }

    /** The table, {@code null} for an embedded schema. */
    @Nullable String source() {
        if (this.schema == null) {
            return null;
        }
        String source = this.schema.value();
        if (!SqlIdentifiers.isValid(source)) {
            throw error(null, "source \"" + source + "\" is not a valid SQL identifier",
                    "name the table with letters, digits and underscores, for example @Schema(\"users\")");
        }
        return source;
    }

    @Nullable String prefix() {
        if (this.schema == null) {
            return null;
        }
        String prefix = this.defaults.prefix(this.schema);
        if (prefix != null && !SqlIdentifiers.isValid(prefix)) {
            throw error(null, "prefix \"" + prefix + "\" is not a valid SQL identifier",
                    "use letters, digits and underscores in @Schema(prefix), @SchemaDefaults(prefix) or schema.prefix");
        }
        return prefix;
    }

    @Nullable String context() {
        return this.schema == null ? null : this.defaults.context(this.schema);
    }

    /** Whether a schema without {@code @PrimaryKey} fields gets the default key field. */
    boolean defaultPrimaryKeyEnabled() {
        if (this.schema != null) {
            return this.schema.primaryKey();
        }
        EmbeddedSchema embeddedSchema = this.type.getAnnotation(EmbeddedSchema.class);
        return embeddedSchema == null || embeddedSchema.primaryKey();
    }

    SchemaDefinitionException error(@Nullable String field, String reason, String fix) {
        return new SchemaDefinitionException(this.type, field, reason, fix);
    }

}
