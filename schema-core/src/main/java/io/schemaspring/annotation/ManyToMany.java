package io.schemaspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Ecto's {@code many_to_many} on a {@code List<X>} field, joined through a table
 * ({@link #joinThrough()}) or a join schema class ({@link #joinThroughSchema()}). Join
 * keys default to the owner's and the related class's simple names plus {@code _id}
 * ({@code user_id}, {@code group_id}); through a schema class, plus {@code Id}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {

    /** The join table. */
    String joinThrough() default "";

    /** A join schema class, instead of a table. */
    Class<?> joinThroughSchema() default void.class;

    /** Exactly two keys: this schema's side, then the associated schema's side. */
    JoinKey[] joinKeys() default {};

    /** Conditions on the join rows. */
    Where[] joinWhere() default {};

    /** Conditions on the associated schema. */
    Where[] where() default {};

    /**
     * Order of preloaded children: field names, each optionally followed by {@code asc}
     * or {@code desc}.
     */
    String[] preloadOrder() default {};

    /** What deleting this schema does to the join rows. */
    OnDelete onDelete() default OnDelete.NOTHING;

    /**
     * What {@code putAssoc}/{@code castAssoc} do with current children left out, Ecto's
     * {@code :on_replace}: {@code RAISE} (default), {@code MARK_AS_INVALID}, or
     * {@code DELETE}, which deletes their join rows and never the associated rows.
     */
    OnReplace onReplace() default OnReplace.RAISE;

    /**
     * Values for fields of the join schema's rows, Ecto's {@code join_defaults}; needs
     * {@link #joinThroughSchema()}.
     */
    JoinDefault[] joinDefaults() default {};

    /**
     * Refuse duplicates: putting a list with the same related key twice on a changeset is
     * an error ({@code "has already been taken"} on the entry), and the repository
     * refuses to write such a list. Declare a unique index on the join table too.
     */
    boolean unique() default false;

    /**
     * Values for fields of the associated schema when building a new struct, Ecto's
     * {@code :defaults}.
     */
    Default[] defaults() default {};

}
