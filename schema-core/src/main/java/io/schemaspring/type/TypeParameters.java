package io.schemaspring.type;

import java.util.Map;
import java.util.Objects;

/**
 * Ecto's {@code Ecto.ParameterizedType} options: what a custom type learns about the one
 * field it serves, given to a constructor of the type taking {@code TypeParameters} once
 * per field when the registry is built, so that two fields of one type can behave
 * differently ({@code @Field(customType = Money.class, typeOptions = "currency=EUR")}).
 *
 * @param schema the schema class declaring the field
 * @param field the field's name
 * @param javaType the field's declared Java type, generics included
 * @param options the field's {@code typeOptions}, {@code key=value}
 */
public record TypeParameters(Class<?> schema, String field, java.lang.reflect.Type javaType,
        Map<String, String> options) {

    /** The parameters of one field, with an unmodifiable copy of {@code options}. */
    public TypeParameters {
        options = Map.copyOf(options);
    }

    /**
     * An option the type requires: a missing one is an {@link IllegalArgumentException}
     * naming it.
     */
    public String require(String name) {
        String value = this.options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(
                    "the option " + name + " is required (typeOptions = \"" + name + "=...\")");
        }
        return value;
    }

    /** An option, or its default. */
    public String option(String name, String fallback) {
        return Objects.requireNonNullElse(this.options.get(name), fallback);
    }
}
