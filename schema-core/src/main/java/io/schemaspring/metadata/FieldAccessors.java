package io.schemaspring.metadata;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The accessors of a schema's fields: through the generated {@link StructAccess} where it
 * reaches the field.
 */
final class FieldAccessors {

    private final Class<?> type;

    private final List<Field> declared;

    private final @Nullable StructAccess access;

    private final @Nullable RecordShape record;

    FieldAccessors(Class<?> type, List<Field> declared, boolean bytecode, @Nullable RecordShape record) {
        this.type = type;
        this.declared = declared;
        this.record = record;
        this.access = record != null ? null : StructAccessGenerator.generate(type, declared, bytecode);
    }

    @Nullable StructAccess access() {
        return this.access;
    }

    FieldAccessor of(Field field) {
        if (this.record != null && this.record.index(field) >= 0) {
            return FieldAccessor.ofComponent(field, this.record.index(field));
        }
        boolean generated = this.access != null && StructAccessGenerator.reachable(this.type, field)
                && !Modifier.isFinal(field.getModifiers());
        return generated ? FieldAccessor.of(field, this.access, this.declared.indexOf(field)) : FieldAccessor.of(field);
    }

}
