package io.schemaspring.type;

import org.jspecify.annotations.Nullable;

/**
 * The type of a schema field. Its {@code toString()} prints it in Ecto notation:
 * {@code :string}, {@code {:array, :string}}, {@code {:map, :integer}},
 * {@code #Ecto.Enum<values: [:ADMIN, :USER]>}.
 */
public sealed interface Type permits PrimitiveType, ArrayType, MapType, EnumType, CustomType, EmbedType {

    /** The Java class that holds values of this type (boxed for primitives). */
    Class<?> javaType();

    /** Casts external input with Ecto.Type.cast's rules; never throws. */
    CastResult<?> cast(@Nullable Object input);

    /**
     * The type its values are stored as, Ecto's {@code Ecto.Type.type/1}: an enum's
     * {@code :integer} or {@code :string}, a custom type's underlying primitive type; any
     * other type is stored as itself (arrays, maps and embeds keep their element types).
     * The one reduction that column types, codecs, schema validation and JSON encoding
     * start from.
     */
    default Type storedType() {
        return this;
    }

}
