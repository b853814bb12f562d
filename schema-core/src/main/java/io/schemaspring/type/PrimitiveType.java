package io.schemaspring.type;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** One of Ecto's primitive types held in a particular Java class. */
public record PrimitiveType(FieldType fieldType, Class<?> javaType) implements Type {

    /**
     * The primitive type {@code fieldType} held in {@code javaType}.
     * @throws IllegalArgumentException for {@code FieldType.DEFAULT}, which is no type
     */
    public PrimitiveType {
        Objects.requireNonNull(fieldType, "Field type must not be null");
        Objects.requireNonNull(javaType, "Java type must not be null");
        if (fieldType == FieldType.DEFAULT) {
            throw new IllegalArgumentException("FieldType.DEFAULT is not a type");
        }
    }

    @Override
    public CastResult<?> cast(@Nullable Object input) {
        return PrimitiveCasts.cast(this.fieldType, this.javaType, input);
    }

    @Override
    public String toString() {
        return this.fieldType.toString();
    }
}
