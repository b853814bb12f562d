package io.schemaspring.metadata;

import io.schemaspring.annotation.Writable;
import io.schemaspring.type.EmbedType;
import io.schemaspring.type.Type;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A field with everything but its default value, which needs the prototype instance. */
record FieldBuild(java.lang.reflect.Field field, @Nullable String source, Type type, boolean primaryKey,
        boolean virtual, boolean autogenerate, boolean readAfterWrites, boolean loadInQuery, boolean redact,
        Writable writable) {

    FieldMetadata toMetadata(Object prototype, FieldAccessor accessor) {
        Object defaultValue = accessor.get(prototype);
        if (defaultValue == null && this.type instanceof EmbedType embed && embed.many()) {
            defaultValue = List.of();
        }
        return new FieldMetadata(this.field.getName(), this.source, this.type, this.primaryKey, this.virtual,
                this.autogenerate, this.readAfterWrites, this.loadInQuery, this.redact, this.writable, defaultValue,
                accessor);
    }
}
