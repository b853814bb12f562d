package io.schemaspring.annotation;

import io.schemaspring.type.FieldGenerator;
import io.schemaspring.type.FieldType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares Ecto's {@code timestamps()}: the inserted-at and updated-at fields are set on
 * insert, the updated-at field on every update. The fields themselves are declared in the
 * class; empty attributes take the {@code @SchemaDefaults}, then
 * {@code schema.timestamps.*} properties, then Ecto's defaults ({@code insertedAt},
 * {@code updatedAt}, {@code :naive_datetime}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
public @interface Timestamps {

    /**
     * The timestamp type: NAIVE_DATETIME(_USEC) for LocalDateTime, UTC_DATETIME(_USEC)
     * for Instant/OffsetDateTime.
     */
    FieldType type() default FieldType.DEFAULT;

    /** The inserted-at field name. */
    String insertedAt() default "";

    /** The updated-at field name. */
    String updatedAt() default "";

    /** The inserted-at column name. */
    String insertedAtSource() default "";

    /** The updated-at column name. */
    String updatedAtSource() default "";

    /**
     * {@code false} declares no inserted-at field (Ecto's {@code inserted_at: false}).
     */
    boolean insertedAtEnabled() default true;

    /** {@code false} declares no updated-at field (Ecto's {@code updated_at: false}). */
    boolean updatedAtEnabled() default true;

    /**
     * Ecto's {@code timestamps(autogenerate: {module, function, args})}: this schema's
     * clock, a {@code FieldGenerator<Instant>} called once per insert and once per
     * update; its instant fills both timestamps, truncated to their type's precision. By
     * default the repository's {@code Clock} (one for the application) is used.
     */
    @SuppressWarnings("rawtypes")
    Class<? extends FieldGenerator> generator() default FieldGenerator.class;

}
