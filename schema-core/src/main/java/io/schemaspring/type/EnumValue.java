package io.schemaspring.type;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stored value of an enum constant, Ecto.Enum's {@code values: [foo: "f", bar: "b"]}
 * or {@code values: [foo: 1, bar: 2]}: {@code @EnumValue("f")} maps the constant to a
 * string, {@code @EnumValue(intValue = 1)} to an integer (the column is then an integer
 * column). Without the annotation a constant is stored by its name. An enum maps either
 * every constant to an integer or none; the stored values must be unique.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EnumValue {

    /** Marks {@link #intValue()} as not set. */
    int NO_INT = Integer.MIN_VALUE;

    /**
     * The stored string; empty means the constant's name (or {@link #intValue()} when
     * set).
     */
    String value() default "";

    /** The stored integer; {@link #NO_INT} means the constant is stored as a string. */
    int intValue() default NO_INT;

}
