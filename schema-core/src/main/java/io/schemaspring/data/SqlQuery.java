package io.schemaspring.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A repository method run as the given SQL, Ecto's {@code Repo.query} plus
 * {@code Repo.load}: {@code :name} parameters take the method's arguments by
 * {@code @Param} or compiled parameter name, always bound (a parameter named like a
 * schema field is cast to that field's type). Rows are mapped to the schema by column
 * name, then to the method's projection if it declares one. With {@code modifying = true}
 * the statement is an INSERT, UPDATE or DELETE and the method answers the row count
 * ({@code int}, {@code long} or {@code void}).
 *
 * <pre>{@code
 * &#64;SqlQuery("select * from posts where title = :title")
 * List<Post> titled(String title);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SqlQuery {

    /** The SQL, with {@code :name} parameters. */
    String value();

    /** Whether the statement writes: the method answers the number of rows changed. */
    boolean modifying() default false;

}
