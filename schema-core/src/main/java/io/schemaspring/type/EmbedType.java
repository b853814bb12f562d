package io.schemaspring.type;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The type of an embed field: {@code {:embed, Address}} for embeds-one, {@code {:array,
 * {:embed, Phone}}} for embeds-many. Embeds are cast through the changeset's
 * {@code castEmbed}, not as plain values.
 */
public record EmbedType(Class<?> embeddedClass, boolean many) implements Type {

    /**
     * An embed of {@code embeddedClass}, a list of them when {@code many}; the class must
     * not be {@code null}.
     */
    public EmbedType {
        Objects.requireNonNull(embeddedClass, "Embedded class must not be null");
    }

    @Override
    public Class<?> javaType() {
        return this.many ? List.class : this.embeddedClass;
    }

    @Override
    public CastResult<?> cast(@Nullable Object input) {
        if (input == null) {
            return CastResult.ok(null);
        }
        if (this.many) {
            return (input instanceof List<?> list && list.stream().allMatch(this.embeddedClass::isInstance))
                    ? CastResult.ok(input) : CastResult.invalid();
        }
        return this.embeddedClass.isInstance(input) ? CastResult.ok(input) : CastResult.invalid();
    }

    @Override
    public String toString() {
        String one = "{:embed, " + this.embeddedClass.getSimpleName() + "}";
        return this.many ? "{:array, " + one + "}" : one;
    }
}
