package io.schemaspring.type;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Custom types for the whole application: a Java type mapped to the {@link SchemaType}
 * its fields use without a field annotation, like Spring Data's
 * {@code JdbcCustomConversions}. Type inference consults it before the built-in type
 * table, for fields, list elements and map values; {@code @Field(type = ...)} and
 * {@code @Field(customType = ...)} still win. Pass it to
 * {@code SchemaRegistry.builder().types(...)}; in Spring Boot every {@link SchemaType}
 * and {@link SchemaTypeContributor} bean is collected into it.
 */
public final class SchemaTypes {

    private static final SchemaTypes NONE = new SchemaTypes(Map.of());

    private final Map<Class<?>, SchemaType<?>> types;

    private SchemaTypes(Map<Class<?>, SchemaType<?>> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    /** No custom types: only the built-in type table. */
    public static SchemaTypes none() {
        return NONE;
    }

    /** A builder with no mappings yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The custom type registered for exactly this Java type (primitives as their
     * wrappers), or {@code null}.
     */
    public @Nullable SchemaType<?> find(Class<?> javaType) {
        return this.types.get(ClassUtils.resolvePrimitiveIfNecessary(javaType));
    }

    /** Every mapping, in registration order. */
    public Map<Class<?>, SchemaType<?>> asMap() {
        return this.types;
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "SchemaTypes[", "]");
        this.types.forEach((javaType, schemaType) -> text
            .add(javaType.getSimpleName() + " -> " + schemaType.getClass().getSimpleName()));
        return text.toString();
    }

    /**
     * Collects the mappings; a later one for the same Java type replaces the earlier one.
     */
    public static final class Builder {

        private final Map<Class<?>, SchemaType<?>> types = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Maps the Java type the custom type declares ({@link SchemaType#javaType()}).
         */
        public Builder add(SchemaType<?> schemaType) {
            Objects.requireNonNull(schemaType, "Schema type must not be null");
            return put(schemaType.javaType(), schemaType);
        }

        /**
         * Maps fields of {@code javaType} to the custom type.
         * @throws IllegalArgumentException when the custom type's values cannot be held
         * in such a field
         */
        public <T> Builder add(Class<T> javaType, SchemaType<? extends T> schemaType) {
            Objects.requireNonNull(javaType, "Java type must not be null");
            Objects.requireNonNull(schemaType, "Schema type must not be null");
            return put(javaType, schemaType);
        }

        private Builder put(Class<?> javaType, SchemaType<?> schemaType) {
            Class<?> key = ClassUtils.resolvePrimitiveIfNecessary(javaType);
            if (!key.isAssignableFrom(schemaType.javaType())) {
                throw new IllegalArgumentException("Custom type " + schemaType.getClass().getSimpleName() + " holds "
                        + schemaType.javaType().getSimpleName() + " values, which a " + javaType.getSimpleName()
                        + " field cannot hold: register it for " + schemaType.javaType().getSimpleName());
            }
            this.types.put(key, schemaType);
            return this;
        }

        /**
         * The custom types added, in registration order; with none,
         * {@link SchemaTypes#none()}.
         */
        public SchemaTypes build() {
            return this.types.isEmpty() ? NONE : new SchemaTypes(new LinkedHashMap<>(this.types));
        }

    }

}
