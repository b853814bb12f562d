package io.schemaspring.type;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Ecto's {@code {:array, inner}}, held in a {@code List}. */
public record ArrayType(Type elementType) implements Type {

    /** An array of {@code elementType}, which must not be {@code null}. */
    public ArrayType {
        Objects.requireNonNull(elementType, "Element type must not be null");
    }

    @Override
    public Class<?> javaType() {
        return List.class;
    }

    @Override
    public CastResult<?> cast(@Nullable Object input) {
        if (input == null) {
            return CastResult.ok(null);
        }
        Collection<?> elements;
        if (input instanceof Collection<?> collection) {
            elements = collection;
        }
        else if (input instanceof Object[] array) {
            elements = List.of(array);
        }
        else {
            return CastResult.invalid();
        }
        List<Object> cast = new ArrayList<>(elements.size());
        for (Object element : elements) {
            CastResult<?> result = this.elementType.cast(element);
            if (!result.isOk()) {
                return CastResult.invalid();
            }
            cast.add(result.value());
        }
        return CastResult.ok(cast);
    }

    @Override
    public String toString() {
        return "{:array, " + this.elementType + "}";
    }
}
