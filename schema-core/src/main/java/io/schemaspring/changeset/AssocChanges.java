package io.schemaspring.changeset;

import io.schemaspring.annotation.OnReplace;
import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.Cardinality;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.NotLoaded;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.type.CastResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's {@code Relation.change} behind {@code putAssoc}: wraps the given structs, changesets and
 * maps in child changesets against the association's current value. A child whose primary key
 * matches a current one updates it; any other is inserted when new and updated (re-pointed) when
 * already stored; current children left out follow the association's {@code onReplace}.
 */
final class AssocChanges {

    private final Changeset<?> parent;
    private final AssociationMetadata association;
    private final SchemaMetadata related;

    private AssocChanges(Changeset<?> parent, AssociationMetadata association) {
        this.parent = parent;
        this.association = association;
        this.related = parent.metadata().registry().get(association.related());
    }

    /** The association a {@code putAssoc} or {@code castAssoc} may change, or the reason it may not. */
    static AssociationMetadata writable(SchemaMetadata owner, String name, String action) {
        AssociationMetadata association = owner.association(name);
        if (association == null || association.kind() == AssociationKind.THROUGH) {
            throw new IllegalArgumentException("cannot " + action + " assoc :" + name + " of " + owner.schemaClass().getSimpleName()
                    + ": assoc :" + name + " not found. Make sure it is spelled correctly and that the association type is "
                    + "not read-only" + (association == null ? "; its associations are " + owner.associations()
                            : " (a through association cannot be written: write the associations of its path "
                                    + association.through() + " one by one)"));
        }
        return association;
    }

    /**
     * The association's current children, Ecto's {@code Relation.load!}: a list that was never
     * loaded is refused unless the parent is new, for which it is empty.
     */
    static List<Object> current(Changeset<?> parent, AssociationMetadata association, String action) {
        Object value = parent.currentValue(association.field());
        if (value instanceof NotLoaded<?>) {
            if (Persistence.stored(parent.metadata(), parent.data())) {
                throw new IllegalStateException("attempting to " + action + " association :" + association.field()
                        + " from " + parent.metadata().schemaClass().getSimpleName() + " that was not loaded. Please "
                        + "preload your associations before manipulating them through changesets");
            }
            return List.of();
        }
        List<Object> current = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            current.addAll(collection);
        }
        else if (value != null) {
            current.add(value);
        }
        return current;
    }

    /** The nested changes of {@code putAssoc(name, value)}, or {@code null} when the parent was marked invalid. */
    static Changeset.@Nullable NestedChanges put(Changeset<?> parent, String name, @Nullable Object value) {
        AssociationMetadata association = writable(parent.metadata(), name, "put");
        return new AssocChanges(parent, association).change(value, current(parent, association, "change"));
    }

    private Changeset.@Nullable NestedChanges change(@Nullable Object value, List<Object> current) {
        List<Changeset<?>> children = new ArrayList<>();
        List<Object> removed = new ArrayList<>();
        if (this.association.cardinality() == Cardinality.ONE) {
            if (value instanceof Collection<?>) {
                return invalid("map");
            }
            if (!changeOne(value, current.isEmpty() ? null : current.get(0), children, removed)) {
                return null;
            }
        }
        else {
            if (!(value instanceof Collection<?> values)) {
                return invalid("{:array, :map}");
            }
            Map<Object, Boolean> kept = new IdentityHashMap<>();
            for (Object element : values) {
                Object matched = matching(element, current, kept);
                Changeset<?> child = child(element, matched);
                if (child == null) {
                    return invalid("{:array, :map}");
                }
                if (matched != null) {
                    kept.put(matched, Boolean.TRUE);
                }
                children.add(child);
            }
            for (Object child : current) {
                if (!kept.containsKey(child) && !replace(child, removed)) {
                    return null;
                }
            }
        }
        return new Changeset.NestedChanges(this.association.field(), this.association.cardinality(), children, removed);
    }

    private boolean changeOne(@Nullable Object value, @Nullable Object current, List<Changeset<?>> children,
            List<Object> removed) {
        if (value == null) {
            return current == null || replace(current, removed);
        }
        Object key = keyOf(value);
        Object matched = null;
        if (current != null && key != null && key.equals(keyOf(current))) {
            matched = current;
        }
        else if (current != null && this.association.onReplace() == OnReplace.UPDATE) {
            if (!(value instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("you have set that the relation :" + this.association.field() + " of "
                        + this.parent.metadata().schemaClass().getSimpleName() + " has onReplace set to UPDATE but you are "
                        + "giving it a struct/changeset to putAssoc/putChange. Since you have set onReplace to UPDATE, you "
                        + "are only allowed to update the existing entry by giving updated fields as a map or set it to null. "
                        + "If you indeed want to replace the existing :" + this.association.field()
                        + ", you have to change the foreign key field directly.");
            }
            matched = current;
        }
        else if (current != null && !replace(current, removed)) {
            return false;
        }
        Changeset<?> child = child(value, matched);
        if (child == null) {
            invalid("map");
            return false;
        }
        children.add(child);
        return true;
    }

    /** A child changeset for a struct, changeset or map; {@code null} for anything else. */
    private @Nullable Changeset<?> child(Object element, @Nullable Object matched) {
        if (element instanceof Changeset<?> changeset) {
            requireRelated(changeset.data());
            return changeset.withAction(matched != null ? Changeset.Action.UPDATE : Persistence.action(this.related,
                    changeset.data()));
        }
        if (element instanceof Map<?, ?> map) {
            Changeset<Object> changeset = Changeset.change(this.related, matched != null ? matched
                    : this.related.structs().newInstance(this.association.defaults()));
            map.forEach((key, change) -> {
                if (!(key instanceof String field)) {
                    throw new IllegalArgumentException("putAssoc :" + this.association.field() + " was given the key " + key
                            + "; name the fields of " + this.related.schemaClass().getSimpleName() + " with strings");
                }
                changeset.putChange(field, change);
            });
            return changeset.withAction(matched != null ? Changeset.Action.UPDATE : Changeset.Action.INSERT);
        }
        if (element == null || !this.related.schemaClass().isInstance(element)) {
            if (element != null && this.parent.metadata().registry().contains(element.getClass())) {
                requireRelated(element);
            }
            return null;
        }
        return Changeset.change(this.related, element).withAction(matched != null ? Changeset.Action.UPDATE
                : Persistence.action(this.related, element));
    }

    private void requireRelated(Object data) {
        if (!this.related.schemaClass().isInstance(data)) {
            throw new IllegalArgumentException("expected changeset data to be a " + this.related.schemaClass().getSimpleName()
                    + " struct, got: " + data.getClass().getSimpleName());
        }
    }

    private @Nullable Object matching(Object element, List<Object> current, Map<Object, Boolean> kept) {
        Object key = keyOf(element);
        if (key == null) {
            return null;
        }
        for (Object child : current) {
            if (!kept.containsKey(child) && key.equals(keyOf(child))) {
                return child;
            }
        }
        return null;
    }

    /** The primary key of a struct, a changeset's data or a map (cast to the key's type); null when it has none. */
    private @Nullable Object keyOf(@Nullable Object element) {
        List<String> key = this.related.primaryKey();
        if (element == null || key.size() != 1) {
            return null;
        }
        FieldMetadata id = this.related.field(key.get(0));
        if (element instanceof Changeset<?> changeset) {
            return id.accessor().get(changeset.data());
        }
        if (element instanceof Map<?, ?> map) {
            CastResult<?> cast = id.type().cast(map.get(id.name()));
            return cast.isOk() ? cast.value() : null;
        }
        return this.related.schemaClass().isInstance(element) ? id.accessor().get(element) : null;
    }

    /** Applies onReplace to a current child left out; false when that marked the parent invalid. */
    private boolean replace(Object child, List<Object> removed) {
        switch (this.association.onReplace()) {
            case RAISE -> throw new ReplaceRefusedException(this.association.field(), this.parent.metadata().schemaClass());
            case MARK_AS_INVALID -> {
                this.parent.addError(this.association.field(), "is invalid", Map.of("validation", "assoc"));
                return false;
            }
            default -> {
                removed.add(child);
                return true;
            }
        }
    }

    private Changeset.@Nullable NestedChanges invalid(String type) {
        this.parent.addError(this.association.field(), "is invalid", Map.of("validation", "assoc", "type", type));
        return null;
    }

    /**
     * Whether a struct is stored, Ecto's {@code __meta__.state}: its {@code StructMeta} says so;
     * without one, a struct whose key the database generates is stored once it has that key, and
     * one with a key of its own (a UUID set in Java, a natural key) cannot tell: {@link #action}
     * leaves that to the repository, which looks for its row.
     */
    static final class Persistence {

        private Persistence() {
        }

        /** Whether the struct is, or may be, stored: anything but a struct known to be new. */
        static boolean stored(SchemaMetadata metadata, Object struct) {
            return action(metadata, struct) != Changeset.Action.INSERT;
        }

        /** INSERT for a new struct, UPDATE for a stored one, {@code null} when only its row can tell. */
        static Changeset.@Nullable Action action(SchemaMetadata metadata, Object struct) {
            io.schemaspring.metadata.StructMeta meta = metadata.getMeta(struct);
            if (meta != null) {
                return meta.state() == io.schemaspring.metadata.StructMeta.State.LOADED ? Changeset.Action.UPDATE
                        : Changeset.Action.INSERT;
            }
            List<String> key = metadata.primaryKey();
            if (key.isEmpty()) {
                return Changeset.Action.INSERT;
            }
            for (String field : key) {
                if (metadata.field(field).accessor().get(struct) == null) {
                    return Changeset.Action.INSERT;
                }
            }
            io.schemaspring.metadata.AutogenerateId id = metadata.autogenerateId();
            boolean databaseKey = id != null && id.type() instanceof io.schemaspring.type.PrimitiveType primitive
                    && primitive.fieldType() == io.schemaspring.type.FieldType.ID;
            return databaseKey ? Changeset.Action.UPDATE : null;
        }
    }
}
