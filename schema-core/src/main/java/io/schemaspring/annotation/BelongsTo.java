package io.schemaspring.annotation;

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
}
