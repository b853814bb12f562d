package io.schemaspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One side of a many-to-many join: a join column and the field it references. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface JoinKey {

    /** Column of the join table (a field name when joining through a schema class). */
    String column();

    /**
     * Field of the joined schema that the column references; default: its primary key.
     */
    String references() default "";

}
