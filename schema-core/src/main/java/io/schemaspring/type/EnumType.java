package io.schemaspring.type;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** A Java enum as {@code Ecto.Enum}: stored and cast by constant name. */
public final class EnumType implements Type {

    private final Class<? extends Enum<?>> enumClass;
    private final Map<String, Enum<?>> byName;

    public EnumType(Class<? extends Enum<?>> enumClass) {
        this.enumClass = Objects.requireNonNull(enumClass, "Enum class must not be null");
        this.byName = Arrays.stream(enumClass.getEnumConstants())
                .collect(Collectors.toUnmodifiableMap(Enum::name, Function.identity()));
    }

    @Override
    public Class<?> javaType() {
        return this.enumClass;
    }

    /** The constant with this name, or {@code null}. */
    public @Nullable Enum<?> valueOf(String name) {
        return this.byName.get(name);
    }

    @Override
    public CastResult<?> cast(@Nullable Object input) {
        if (input == null) {
            return CastResult.ok(null);
        }
        if (this.enumClass.isInstance(input)) {
            return CastResult.ok(input);
        }
        if (input instanceof String name && this.byName.containsKey(name)) {
            return CastResult.ok(this.byName.get(name));
        }
        return CastResult.invalid();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnumType that && that.enumClass == this.enumClass;
    }

    @Override
    public int hashCode() {
        return this.enumClass.hashCode();
    }

    @Override
    public String toString() {
        return Arrays.stream(this.enumClass.getEnumConstants()).map(constant -> ":" + constant.name())
                .collect(Collectors.joining(", ", "#Ecto.Enum<values: [", "]>"));
    }
}
