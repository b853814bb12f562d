package io.schemaspring.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Builds a {@code Changeset<T>} controller argument from the request's form or JSON
 * parameters, Phoenix-style:
 *
 * <pre>{@code
 * &#64;PostMapping("/posts")
 * Post create(@Cast(permit = {"title", "body"}, required = "title") Changeset<Post> changeset) {
 *     return posts.insert(changeset.validateLength("title", Length.max(200)));
 * }
 * }</pre>
 *
 * Only permitted fields are ever written; embeds and has-one/has-many associations named
 * in {@link #permit()} are cast with {@code castEmbed}/{@code castAssoc}. When the
 * request path has the {@link #idVariable()} variable, the changeset's data is the struct
 * with that id (404 when there is none); otherwise a new struct. A change of a stored
 * struct honours {@code If-Match} against the struct's {@code @Version} (412 when it
 * changed since the client read it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface Cast {

    /**
     * The fields to cast; empty means every field that is castable by default (not keys,
     * timestamps, generated or read-only fields).
     */
    String[] permit() default {};

    /** The fields validated with {@code validateRequired}. */
    String[] required() default {};

    /** The URI template variable holding the id of the struct to change. */
    String idVariable() default "id";

    /**
     * The URI template variable naming the database schema (tenant) the struct is read
     * from; empty reads from the schema's default prefix. Check tenant names before the
     * handler runs (an interceptor), so that only known tenants are queried.
     */
    String prefixVariable() default "";

    /**
     * Whether a change of a stored struct must carry {@code If-Match} with the
     * {@code ETag} the client read (the struct's {@code @Version}, which the schema must
     * have): without it the request answers 428. An {@code If-Match} that is sent is
     * honoured either way: 412 when the struct has changed since.
     */
    boolean requireIfMatch() default false;

}
