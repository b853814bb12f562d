package io.schemaspring.metadata;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The accessors of a schema's fields: through the generated {@link StructAccess} where it reaches the field. */
final class FieldAccessors {

    private final Class<?> type;
    private final List<Field> declared;
    private final @Nullable StructAccess access;

    FieldAccessors(Class<?> type, List<Field> declared, boolean bytecode) {
        this.type = type;
        this.declared = declared;
        this.access = StructAccessGenerator.generate(type, declared, bytecode);
    }

    @Nullable StructAccess access() {
        return this.access;
    }

    FieldAccessor of(Field field) {
        boolean generated = this.access != null && StructAccessGenerator.reachable(this.type, field)
                && !Modifier.isFinal(field.getModifiers());
        return generated ? FieldAccessor.of(field, this.access, this.declared.indexOf(field)) : FieldAccessor.of(field);
    }
}
