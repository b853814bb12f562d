package io.schemaspring.type;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A field typed by a user's {@link SchemaType}, printed like Ecto prints a custom type
 * module.
 */
public record CustomType(SchemaType<?> schemaType) implements Type {

    /** A field typed by {@code schemaType}, which must not be {@code null}. */
    public CustomType {
        Objects.requireNonNull(schemaType, "Schema type must not be null");
    }

    @Override
    public Class<?> javaType() {
        return this.schemaType.javaType();
    }

    @Override
    public CastResult<?> cast(@Nullable Object input) {
        try {
            return this.schemaType.cast(input);
        }
        catch (RuntimeException ex) {
            return CastResult.invalid();
        }
    }

    /**
     * The type {@link SchemaType#type()} names, held in that type's default Java class.
     */
    @Override
    public Type storedType() {
        FieldType stored = this.schemaType.type();
        return new PrimitiveType(stored, stored.defaultJavaType());
    }

    /** Whether the custom type overrides {@link SchemaType#autogenerate()}. */
    public boolean autogenerates() {
        try {
            return this.schemaType.getClass().getMethod("autogenerate").getDeclaringClass() != SchemaType.class;
        }
        catch (NoSuchMethodException ex) {
            return false;
        }
    }

    @Override
    public String toString() {
        return this.schemaType.getClass().getSimpleName();
    }
}
