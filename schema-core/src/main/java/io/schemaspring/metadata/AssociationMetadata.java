package io.schemaspring.metadata;

import io.schemaspring.annotation.OnDelete;
import io.schemaspring.annotation.OnReplace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's association reflection. {@link #ownerKey()} is a field of the owner and
 * {@link #relatedKey()} a field of the related schema: for {@code BELONGS_TO} the foreign
 * key and the referenced field, for {@code HAS} the referenced field and the foreign key,
 * for {@code MANY_TO_MANY} the fields the two join keys reference; for {@code THROUGH}
 * only {@link #through()} is set.
 */
public final class AssociationMetadata {

    private final String field;

    private final AssociationKind kind;

    private final Cardinality cardinality;

    private final Class<?> owner;

    private final Class<?> related;

    private final @Nullable String ownerKey;

    private final @Nullable String relatedKey;

    private final List<WhereCondition> where;

    private final List<OrderBy> preloadOrder;

    private final OnDelete onDelete;

    private final OnReplace onReplace;

    private final @Nullable String joinThrough;

    private final @Nullable Class<?> joinThroughSchema;

    private final List<JoinColumn> joinKeys;

    private final List<WhereCondition> joinWhere;

    private final boolean unique;

    private final List<JoinRowValue> joinDefaults;

    private final List<String> through;

    private final Map<String, Object> defaults;

    private final FieldAccessor accessor;

    private AssociationMetadata(Builder builder) {
        this.field = builder.field;
        this.kind = builder.kind;
        this.cardinality = builder.cardinality;
        this.owner = builder.owner;
        this.related = builder.related;
        this.ownerKey = builder.ownerKey;
        this.relatedKey = builder.relatedKey;
        this.where = List.copyOf(builder.where);
        this.preloadOrder = List.copyOf(builder.preloadOrder);
        this.onDelete = builder.onDelete;
        this.onReplace = builder.onReplace;
        this.joinThrough = builder.joinThrough;
        this.joinThroughSchema = builder.joinThroughSchema;
        this.joinKeys = List.copyOf(builder.joinKeys);
        this.joinWhere = List.copyOf(builder.joinWhere);
        this.unique = builder.unique;
        this.joinDefaults = List.copyOf(builder.joinDefaults);
        this.through = List.copyOf(builder.through);
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(builder.defaults));
        this.accessor = builder.accessor;
    }

    static Builder builder(String field, AssociationKind kind, Cardinality cardinality, Class<?> owner,
            Class<?> related, FieldAccessor accessor) {
        return new Builder(field, kind, cardinality, owner, related, accessor);
    }

    /** The association's name: the owner's field that holds it, Ecto's {@code :field}. */
    public String field() {
        return this.field;
    }

    /**
     * Which of Ecto's association structs this is; it decides which keys and options are
     * set.
     */
    public AssociationKind kind() {
        return this.kind;
    }

    /**
     * Whether the field holds one associated struct or a list of them, Ecto's
     * {@code :cardinality}.
     */
    public Cardinality cardinality() {
        return this.cardinality;
    }

    /** The schema class that declares the association, Ecto's {@code :owner}. */
    public Class<?> owner() {
        return this.owner;
    }

    /**
     * The schema class the association points to (the element class of a list field; for
     * {@code THROUGH}, the class the path ends at), Ecto's {@code :related}.
     */
    public Class<?> related() {
        return this.related;
    }

    /**
     * The owner's field the association is keyed on, Ecto's {@code :owner_key}: the
     * foreign key for {@code BELONGS_TO}, the referenced field for {@code HAS}, the field
     * the owner's join key references for {@code MANY_TO_MANY}, and the first step's
     * owner key for {@code THROUGH}.
     */
    public @Nullable String ownerKey() {
        return this.ownerKey;
    }

    /**
     * The related schema's field the association is keyed on, Ecto's
     * {@code :related_key}: the referenced field for {@code BELONGS_TO}, the foreign key
     * for {@code HAS}, the field the related join key references for
     * {@code MANY_TO_MANY}; {@code null} for {@code THROUGH}.
     */
    public @Nullable String relatedKey() {
        return this.relatedKey;
    }

    /**
     * The conditions on the related schema's rows, Ecto's {@code :where}, values cast to
     * the fields' types; empty when none are declared, and always for {@code THROUGH}.
     */
    public List<WhereCondition> where() {
        return this.where;
    }

    /**
     * The order preloaded children are sorted in, Ecto's {@code :preload_order}; empty
     * when none is declared, and always for to-one associations and {@code THROUGH}.
     */
    public List<OrderBy> preloadOrder() {
        return this.preloadOrder;
    }

    /**
     * What deleting the owner does to the associated rows (for {@code MANY_TO_MANY}, to
     * the join rows), Ecto's {@code :on_delete}; {@code NOTHING} unless declared, and
     * always for {@code BELONGS_TO} and {@code THROUGH}.
     */
    public OnDelete onDelete() {
        return this.onDelete;
    }

    /**
     * What casting does with a current associated struct that is replaced or left out,
     * Ecto's {@code :on_replace}; {@code RAISE} unless declared, and always for
     * {@code THROUGH}.
     */
    public OnReplace onReplace() {
        return this.onReplace;
    }

    /** The join table (the join schema's source when joining through a schema class). */
    public @Nullable String joinThrough() {
        return this.joinThrough;
    }

    /**
     * The join schema class of a {@code MANY_TO_MANY} declared with
     * {@code joinThroughSchema}; {@code null} when it joins through a plain table, and
     * for the other kinds.
     */
    public @Nullable Class<?> joinThroughSchema() {
        return this.joinThroughSchema;
    }

    /** This schema's side first, then the related schema's side. */
    public List<JoinColumn> joinKeys() {
        return this.joinKeys;
    }

    /**
     * The conditions on the join rows of a {@code MANY_TO_MANY}, Ecto's
     * {@code :join_where}: values cast to the join schema's field types or, through a
     * plain table, booleans and integers recognised and the rest kept as text; empty when
     * none are declared, and for the other kinds.
     */
    public List<WhereCondition> joinWhere() {
        return this.joinWhere;
    }

    /**
     * Whether a {@code MANY_TO_MANY} refuses two entries with the same related key in its
     * list, Ecto's {@code :unique}; {@code false} for the other kinds.
     */
    public boolean unique() {
        return this.unique;
    }

    /** Values written into the join schema's rows besides the two keys. */
    public List<JoinRowValue> joinDefaults() {
        return this.joinDefaults;
    }

    /**
     * The association names a {@code THROUGH} association walks, starting on the owner.
     */
    public List<String> through() {
        return this.through;
    }

    /**
     * Values, already cast, given to fields of a struct the association builds, Ecto's
     * {@code :defaults}.
     */
    public Map<String, Object> defaults() {
        return this.defaults;
    }

    /** Reads and writes the association's field on instances of the owner. */
    public FieldAccessor accessor() {
        return this.accessor;
    }

    @Override
    public String toString() {
        return "AssociationMetadata[" + this.kind + " " + this.cardinality + " :" + this.field + " "
                + this.owner.getSimpleName() + " -> " + this.related.getSimpleName() + "]";
    }

    static final class Builder {

        private final String field;

        private final AssociationKind kind;

        private final Cardinality cardinality;

        private final Class<?> owner;

        private final Class<?> related;

        private final FieldAccessor accessor;

        private @Nullable String ownerKey;

        private @Nullable String relatedKey;

        private List<WhereCondition> where = List.of();

        private List<OrderBy> preloadOrder = List.of();

        private OnDelete onDelete = OnDelete.NOTHING;

        private OnReplace onReplace = OnReplace.RAISE;

        private @Nullable String joinThrough;

        private @Nullable Class<?> joinThroughSchema;

        private List<JoinColumn> joinKeys = List.of();

        private List<WhereCondition> joinWhere = List.of();

        private boolean unique;

        private List<JoinRowValue> joinDefaults = List.of();

        private List<String> through = List.of();

        private Map<String, Object> defaults = Map.of();

        private Builder(String field, AssociationKind kind, Cardinality cardinality, Class<?> owner, Class<?> related,
                FieldAccessor accessor) {
            this.field = field;
            this.kind = kind;
            this.cardinality = cardinality;
            this.owner = owner;
            this.related = related;
            this.accessor = accessor;
        }

        Builder keys(@Nullable String ownerKey, @Nullable String relatedKey) {
            this.ownerKey = ownerKey;
            this.relatedKey = relatedKey;
            return this;
        }

        Builder where(List<WhereCondition> where) {
            this.where = where;
            return this;
        }

        Builder preloadOrder(List<OrderBy> preloadOrder) {
            this.preloadOrder = preloadOrder;
            return this;
        }

        Builder onDelete(OnDelete onDelete) {
            this.onDelete = onDelete;
            return this;
        }

        Builder onReplace(OnReplace onReplace) {
            this.onReplace = onReplace;
            return this;
        }

        Builder join(String joinThrough, @Nullable Class<?> joinThroughSchema, List<JoinColumn> joinKeys,
                List<WhereCondition> joinWhere, boolean unique) {
            this.joinThrough = joinThrough;
            this.joinThroughSchema = joinThroughSchema;
            this.joinKeys = joinKeys;
            this.joinWhere = joinWhere;
            this.unique = unique;
            return this;
        }

        Builder joinDefaults(List<JoinRowValue> joinDefaults) {
            this.joinDefaults = joinDefaults;
            return this;
        }

        Builder through(List<String> through) {
            this.through = through;
            return this;
        }

        Builder defaults(Map<String, Object> defaults) {
            this.defaults = defaults;
            return this;
        }

        AssociationMetadata build() {
            return new AssociationMetadata(this);
        }

    }

}
