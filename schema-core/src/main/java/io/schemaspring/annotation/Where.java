package io.schemaspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One condition of an association's {@code where} or {@code joinWhere}, Ecto's
 * {@code where: [public: true]}. Values are written as strings and cast to the field's
 * type when the registry is built.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Where {

    /**
     * The field of the associated schema (of the join schema or table for
     * {@code joinWhere}).
     */
    String field();

    /** The comparison. */
    Op op() default Op.EQ;

    /**
     * One value for {@code EQ}/{@code NOT_EQ}, any number for {@code IN}, none for the
     * null tests.
     */
    String[] value() default {};

    /** Comparisons supported in association filters. */
    enum Op {

        EQ, NOT_EQ, IN, IS_NULL, IS_NOT_NULL

    }

}
