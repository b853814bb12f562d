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
 * {@link #relatedKey()} a field of the related schema: for {@code BELONGS_TO} the foreign key
 * and the referenced field, for {@code HAS} the referenced field and the foreign key, for
 * {@code MANY_TO_MANY} the fields the two join keys reference; for {@code THROUGH} only
 * {@link #through()} is set.
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
    private final List<JoinKey> joinKeys;
    private final List<WhereCondition> joinWhere;
    private final boolean unique;
    private final List<JoinDefault> joinDefaults;
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

    public String field() {
        return this.field;
    }

    public AssociationKind kind() {
        return this.kind;
    }

    public Cardinality cardinality() {
        return this.cardinality;
    }

    public Class<?> owner() {
        return this.owner;
    }

    public Class<?> related() {
        return this.related;
    }

    public @Nullable String ownerKey() {
        return this.ownerKey;
    }

    public @Nullable String relatedKey() {
        return this.relatedKey;
    }

    public List<WhereCondition> where() {
        return this.where;
    }

    public List<OrderBy> preloadOrder() {
        return this.preloadOrder;
    }

    public OnDelete onDelete() {
        return this.onDelete;
    }

    public OnReplace onReplace() {
        return this.onReplace;
    }

    /** The join table (the join schema's source when joining through a schema class). */
    public @Nullable String joinThrough() {
        return this.joinThrough;
    }

    public @Nullable Class<?> joinThroughSchema() {
        return this.joinThroughSchema;
    }

    /** This schema's side first, then the related schema's side. */
    public List<JoinKey> joinKeys() {
        return this.joinKeys;
    }

    public List<WhereCondition> joinWhere() {
        return this.joinWhere;
    }

    public boolean unique() {
        return this.unique;
    }

    /** Values written into the join schema's rows besides the two keys. */
    public List<JoinDefault> joinDefaults() {
        return this.joinDefaults;
    }

    /** The association names a {@code THROUGH} association walks, starting on the owner. */
    public List<String> through() {
        return this.through;
    }

    /** Values, already cast, given to fields of a struct the association builds, Ecto's {@code :defaults}. */
    public Map<String, Object> defaults() {
        return this.defaults;
    }

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
        private List<JoinKey> joinKeys = List.of();
        private List<WhereCondition> joinWhere = List.of();
        private boolean unique;
        private List<JoinDefault> joinDefaults = List.of();
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

        Builder join(String joinThrough, @Nullable Class<?> joinThroughSchema, List<JoinKey> joinKeys,
                List<WhereCondition> joinWhere, boolean unique) {
            this.joinThrough = joinThrough;
            this.joinThroughSchema = joinThroughSchema;
            this.joinKeys = joinKeys;
            this.joinWhere = joinWhere;
            this.unique = unique;
            return this;
        }

        Builder joinDefaults(List<JoinDefault> joinDefaults) {
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
