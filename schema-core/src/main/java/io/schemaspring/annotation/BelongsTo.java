package io.schemaspring.annotation;

import io.schemaspring.type.FieldType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ecto's {@code belongs_to}: this schema holds the foreign key. The foreign key field is
 * declared in the class; by default it is the association name plus {@code Id}
 * ({@code organization} -> {@code organizationId}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BelongsTo {

    /** The foreign key field of this schema; default: association name + {@code Id}. */
    String foreignKey() default "";

    /** The field of the associated schema the key points to; default: its primary key. */
    String references() default "";

    /** Conditions on the associated schema. */
    Where[] where() default {};

    /**
     * Values for fields of the associated schema when building a new struct, Ecto's
     * {@code :defaults}.
     */
    Default[] defaults() default {};

    /**
     * What {@code putAssoc}/{@code castAssoc} do with the current parent when another (or
     * none) is put, Ecto's {@code :on_replace}: {@code RAISE} (default),
     * {@code MARK_AS_INVALID}, {@code NILIFY} (only the key changes), {@code UPDATE} (the
     * given map updates the current parent), {@code DELETE} and {@code DELETE_IF_EXISTS}
     * (the former parent's row is deleted).
     */
    OnReplace onReplace() default OnReplace.RAISE;

    /**
     * Ecto's {@code :define_field}: {@code false} when the foreign key field is declared
     * for another purpose (another association's key, part of a composite primary key):
     * it must still be declared, but it takes no foreign key role, so {@link #type()} and
     * the configured foreign key type do not apply to it.
     */
    boolean defineField() default true;

    /**
     * Ecto's {@code :type} of the foreign key field, overriding
     * {@code schema.foreign-key-type} and {@link SchemaDefaults#foreignKeyType()}.
     */
    FieldType type() default FieldType.DEFAULT;

}
