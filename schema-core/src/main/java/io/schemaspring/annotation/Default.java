package io.schemaspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value given to a field of the associated schema when the association builds a new
 * struct, Ecto's association {@code :defaults}: used by {@code SchemaMetadata.buildAssoc}
 * and by the new children of {@code castAssoc}. The value is cast through the field's
 * type when the registry is built.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Default {

    /** A field of the associated schema. */
    String field();

    /** The value, as it would be given to cast. */
    String value();

}
