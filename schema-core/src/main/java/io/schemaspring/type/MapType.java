package io.schemaspring.type;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's {@code :map} (any JSON values) or {@code {:map, inner}}, held in a
 * {@code Map<String, X>}.
 */
public record MapType(@Nullable Type valueType) implements Type {

    @Override
    public Class<?> javaType() {
        return Map.class;
    }

    @Override
    public CastResult<?> cast(@Nullable Object input) {
        if (input == null) {
            return CastResult.ok(null);
        }
        if (!(input instanceof Map<?, ?> map)) {
            return CastResult.invalid();
        }
        Map<String, Object> cast = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key) || !PrimitiveCasts.wellFormed(key)) {
                return CastResult.invalid();
            }
            if (this.valueType == null) {
                if (!PrimitiveCasts.wellFormedJson(entry.getValue())) {
                    return CastResult.invalid();
                }
                cast.put(key, entry.getValue());
                continue;
            }
            CastResult<?> result = this.valueType.cast(entry.getValue());
            if (!result.isOk()) {
                return CastResult.invalid();
            }
            cast.put(key, result.value());
        }
        return CastResult.ok(cast);
    }

    @Override
    public String toString() {
        return this.valueType == null ? ":map" : "{:map, " + this.valueType + "}";
    }
}
