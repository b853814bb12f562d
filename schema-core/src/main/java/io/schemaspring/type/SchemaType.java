package io.schemaspring.type;

import org.jspecify.annotations.Nullable;

/**
 * A custom field type, Ecto's {@code Ecto.Type} behaviour: how external input is cast,
 * how database values are loaded and how Java values are dumped. Attach it to one field
 * with {@code @Field(customType = MyType.class)} (the class then needs a no-argument
 * constructor), or to every field of its {@link #javaType()} through {@link SchemaTypes}
 * (in Spring Boot: a bean).
 *
 * @param <T> the Java type of the field
 */
public interface SchemaType<T> {

    /** The underlying database type the dumped value has, Ecto's {@code type/0}. */
    FieldType type();

    /** The Java type of fields using this type. */
    Class<T> javaType();

    /** Casts external input (request parameters, JSON values); never throws. */
    CastResult<T> cast(@Nullable Object input);

    /**
     * Turns a value read from the database (already of {@link #type()}) into the Java
     * value.
     */
    @Nullable T load(@Nullable Object databaseValue);

    /** Turns the Java value into a value of {@link #type()} for the database. */
    @Nullable Object dump(@Nullable T value);

    /**
     * Generates a value before insert for fields marked {@code autogenerate = true}.
     * Types that cannot generate values leave this method alone; the registry then
     * refuses {@code autogenerate} on their fields at start-up.
     */
    default T autogenerate() {
        throw new IllegalStateException(getClass().getName() + " does not define autogenerate()");
    }

    /** Whether two values are the same (a cast to an equal value is not a change). */
    default boolean equal(@Nullable T left, @Nullable T right) {
        return java.util.Objects.equals(left, right);
    }

}
