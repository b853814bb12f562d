package io.schemaspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ecto's {@code embeds_many}: a {@code List} of embedded schemas stored as one JSON
 * column (default: empty list).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface EmbedsMany {

    /** The column name; empty means the field source mapper's name. */
    String source() default "";

    /** {@code false} leaves the column out of the columns a query selects. */
    boolean loadInQuery() default true;

    /** What casting does when embeds are replaced. */
    OnReplace onReplace() default OnReplace.RAISE;

}
