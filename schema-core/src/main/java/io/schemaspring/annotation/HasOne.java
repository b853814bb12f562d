package io.schemaspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ecto's {@code has_one}: the associated schema holds a foreign key to this one, by
 * default this class's simple name plus {@code Id} ({@code User} -> {@code userId}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface HasOne {

    /** The foreign key field on the associated schema. */
    String foreignKey() default "";

    /** The field of this schema the key points to; default: the primary key. */
    String references() default "";

    /**
     * Path of associations to go through, Ecto's {@code :through}, for example
     * {@code {"profile", "avatar"}}.
     */
    String[] through() default {};

    /** Conditions on the associated schema. */
    Where[] where() default {};

    /** What deleting this schema does to the associated row. */
    OnDelete onDelete() default OnDelete.NOTHING;

    /** What casting does when the associated struct is replaced. */
    OnReplace onReplace() default OnReplace.RAISE;

    /**
     * Values for fields of the associated schema when building a new struct, Ecto's
     * {@code :defaults}.
     */
    Default[] defaults() default {};

}
