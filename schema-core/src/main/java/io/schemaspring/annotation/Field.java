package io.schemaspring.annotation;

import io.schemaspring.type.EmbedAs;
import io.schemaspring.type.EnumValue;
import io.schemaspring.type.FieldGenerator;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.SchemaType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Options of a schema field, Ecto's {@code field/3} options. A field without this
 * annotation takes every default; the field initializer is the field's default value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Field {

    /**
     * The column name; empty means the field source mapper's name (snake_case by
     * default).
     */
    String source() default "";

    /** A virtual field is castable but never persisted nor loaded. */
    boolean virtual() default false;

    /**
     * Overrides the type inferred from the Java type, for example
     * {@code NAIVE_DATETIME_USEC}.
     */
    FieldType type() default FieldType.DEFAULT;

    /**
     * A custom type: built once for this field through its constructor taking
     * {@code TypeParameters} (Ecto's {@code Ecto.ParameterizedType}), else its
     * no-argument constructor.
     */
    @SuppressWarnings("rawtypes")
    Class<? extends SchemaType> customType() default SchemaType.class;

    /**
     * Options for a parameterized {@link #customType()}, {@code key=value} each
     * ({@code "currency=EUR"}).
     */
    String[] typeOptions() default {};

    /**
     * Generate the value before insert (custom types that define autogenerate, or
     * {@code UUID} ids).
     */
    boolean autogenerate() default false;

    /**
     * Ecto's {@code autogenerate: {module, function, args}}: the generator of the value
     * before insert (when the value is not set); it implies {@link #autogenerate()}. Not
     * for {@code :id} and {@code :binary_id} primary keys; its type argument must fit the
     * field's Java type.
     */
    @SuppressWarnings("rawtypes")
    Class<? extends FieldGenerator> generator() default FieldGenerator.class;

    /**
     * Read the value back from the database after insert and update (set by a default or
     * trigger).
     */
    boolean readAfterWrites() default false;

    /** {@code false} leaves the field out of the columns a query selects. */
    boolean loadInQuery() default true;

    /** Keeps the value out of JSON, error responses, exception messages and logs. */
    boolean redact() default false;

    /**
     * How an enum field (or a list of enums) is stored inside embeds, Ecto.Enum's
     * {@code embed_as}: {@code VALUES} (the default) stores the constant's name,
     * {@code DUMPED} its {@link EnumValue @EnumValue} mapping.
     */
    EmbedAs embedAs() default EmbedAs.VALUES;

    /** When the repository writes the field. */
    Writable writable() default Writable.ALWAYS;

}
