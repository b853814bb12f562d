package io.schemaspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a schema backed by a table, like Ecto's
 * {@code schema "users" do ... end}.
 * <p>
 * Every non-static, non-transient instance field (inherited ones included) is a schema
 * field unless it carries an association or embed annotation or
 * {@code @Field(virtual = true)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Schema {

    /** The source table, for example {@code "users"}. */
    String value();

    /** The database schema (prefix) of the table; empty means the configured default. */
    String prefix() default "";

    /** Free-form context kept in the metadata, like Ecto's {@code @schema_context}. */
    String context() default "";

    /**
     * {@code false} declares a schema without a primary key (Ecto's
     * {@code @primary_key false}).
     */
    boolean primaryKey() default true;

}
