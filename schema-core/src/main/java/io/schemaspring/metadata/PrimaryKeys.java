package io.schemaspring.metadata;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.util.ClassUtils;

/**
 * The Java type of a schema's primary key, read from the class alone (no registry
 * needed), for typing repository beans before the registry exists: the boxed key type,
 * {@code Map} for composite keys, {@code Object} for none. Uses the registry's rules:
 * {@code @PrimaryKey} fields, else the default key name.
 */
public final class PrimaryKeys {

    private PrimaryKeys() {
    }

    /**
     * The boxed type of the one {@code @PrimaryKey} field, {@code Map} when several
     * fields carry it; without one, the type of the field named as the default key
     * ({@code @SchemaDefaults}, else {@code settings}), and {@code Object} when there is
     * no such field or {@code @Schema(primaryKey = false)}.
     */
    public static Class<?> idType(Class<?> schemaClass, SchemaSettings settings) {
        List<java.lang.reflect.Field> fields = new ArrayList<>();
        for (Class<?> current = schemaClass; current != null
                && current != Object.class; current = current.getSuperclass()) {
            for (java.lang.reflect.Field field : current.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                Field options = field.getAnnotation(Field.class);
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
                        && (options == null || !options.virtual())) {
                    fields.add(field);
                }
            }
        }
        List<java.lang.reflect.Field> keys = fields.stream()
            .filter(field -> field.isAnnotationPresent(PrimaryKey.class))
            .toList();
        if (keys.size() > 1) {
            return Map.class;
        }
        if (keys.size() == 1) {
            return ClassUtils.resolvePrimitiveIfNecessary(keys.get(0).getType());
        }
        Schema schema = schemaClass.getAnnotation(Schema.class);
        if (schema != null && !schema.primaryKey()) {
            return Object.class;
        }
        String name = new SchemaDefaultsResolver(schemaClass, settings).primaryKeyName();
        return fields.stream()
            .filter(field -> field.getName().equals(name))
            .findFirst()
            .<Class<?>>map(field -> ClassUtils.resolvePrimitiveIfNecessary(field.getType()))
            .orElse(Object.class);
    }

}
