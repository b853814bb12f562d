package io.schemaspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value written into a field of the join schema's rows, Ecto's {@code join_defaults}.
 * The value is cast through the field's type when the registry is built.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface JoinDefault {

    /** A field of the join schema ({@link ManyToMany#joinThroughSchema()}). */
    String field();

    /** The value, as it would be given to cast. */
    String value();

}
