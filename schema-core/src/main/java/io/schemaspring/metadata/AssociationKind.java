package io.schemaspring.metadata;

/**
 * The association structs of Ecto: {@code BelongsTo}, {@code Has} (one or many),
 * {@code ManyToMany}, {@code HasThrough}.
 */
public enum AssociationKind {

    BELONGS_TO, HAS, MANY_TO_MANY, THROUGH

}
