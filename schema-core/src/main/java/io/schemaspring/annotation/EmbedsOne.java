package io.schemaspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Ecto's {@code embeds_one}: one embedded schema stored as a JSON column. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EmbedsOne {

    /** The column name; empty means the field source mapper's name. */
    String source() default "";

    /** {@code false} leaves the column out of the columns a query selects. */
    boolean loadInQuery() default true;

    /** What casting does when the embed is replaced. */
    OnReplace onReplace() default OnReplace.RAISE;

    /** Load a NULL column as an empty struct instead of null. */
    boolean defaultsToStruct() default false;

}
