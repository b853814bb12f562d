package io.schemaspring.repo;

import io.schemaspring.annotation.OnReplace;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.Cardinality;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.NotLoaded;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Select;
import io.schemaspring.repo.internal.sql.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's association writes ({@code Ecto.Repo.Schema}'s parents and children, each
 * association's {@code on_repo_change}): belongs-to parents are written before their
 * child and give it their key; has-one, has-many and many-to-many children after their
 * parent, with its key or a join row; the current children a changeset left out follow
 * {@code onReplace}. A child that fails puts its errors on the parent's changeset under
 * the association's path.
 */
final class AssocWriter {

    private final RepoContext context;

    private final ChangesetWriter changesets;

    private final DeleteOperation deletes;

    private final JoinRowWriter joinRows;

    AssocWriter(RepoContext context, ChangesetWriter changesets, DeleteOperation deletes, JoinRowWriter joinRows) {
        this.context = context;
        this.changesets = changesets;
        this.deletes = deletes;
        this.joinRows = joinRows;
    }

    /**
     * Whether the struct holds associated structs to write with it: a to-one value or a
     * loaded, non-empty list.
     */
    static boolean holdsAssociations(SchemaMetadata metadata, Object struct) {
        for (String name : metadata.associations()) {
            AssociationMetadata association = metadata.association(name);
            if (held(association, association.accessor().get(struct))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an association's value is something to write: a to-one struct or a loaded,
     * non-empty list.
     */
    private static boolean held(AssociationMetadata association, @Nullable Object value) {
        return association.kind() != AssociationKind.THROUGH
                && (value instanceof Collection<?> list ? NotLoaded.isLoaded(list) && !list.isEmpty() : value != null);
    }

    /**
     * Ecto's insert of a struct with associations: a changeset putting each association
     * the struct holds.
     */
    @SuppressWarnings("unchecked")
    <T> Changeset<T> asChangeset(SchemaMetadata metadata, T struct) {
        Object data = metadata.record() ? metadata.structs().draft(struct) : metadata.structs().copy(struct);
        Map<String, Object> held = new LinkedHashMap<>();
        for (String name : metadata.associations()) {
            AssociationMetadata association = metadata.association(name);
            Object value = association.accessor().get(struct);
            if (held(association, value)) {
                held.put(association.field(), value);
                association.accessor().set(data, null);
            }
        }
        T detached = (T) metadata.structs().build(data);
        this.context.states.copy(struct, detached);
        Changeset<T> changeset = Changeset.change(metadata, detached);
        held.forEach(changeset::putAssoc);
        return changeset;
    }

    /**
     * Ecto's {@code Relation.load!} for a to-one of a stored struct: a {@code null} there
     * may be a child or parent that was never preloaded, which a put would leave behind
     * without its {@code onReplace}; it is refused unless the association is known to be
     * loaded (preloaded, or written by this repository) or, for a belongs-to, its key is
     * null.
     */
    void requireLoaded(Changeset<?> changeset) {
        SchemaMetadata metadata = changeset.metadata();
        Object data = changeset.data();
        for (Changeset.NestedChanges nested : changeset.nested().values()) {
            AssociationMetadata association = metadata.association(nested.name());
            if (association.cardinality() != Cardinality.ONE || association.accessor().get(data) != null) {
                continue;
            }
            if (association.kind() == AssociationKind.BELONGS_TO
                    && metadata.field(association.ownerKey()).accessor().get(data) == null) {
                continue;
            }
            StructStates.State state = this.context.states.find(data);
            if (state == null || !state.loaded.contains(association.field())) {
                throw new IllegalStateException("attempting to change association :" + association.field() + " from "
                        + metadata.schemaClass().getSimpleName()
                        + " that was not loaded. Please preload your associations "
                        + "before manipulating them through changesets");
            }
        }
    }

    /**
     * Writes the belongs-to parents of the changeset first; answers each (null when
     * removed) by association.
     */
    Map<String, @Nullable Object> writeParents(Changeset<?> changeset, @Nullable String prefix, String action) {
        SchemaMetadata owner = changeset.metadata();
        Map<String, @Nullable Object> parents = new LinkedHashMap<>();
        for (Changeset.NestedChanges nested : changeset.nested().values()) {
            AssociationMetadata association = owner.association(nested.name());
            if (association.kind() == AssociationKind.BELONGS_TO) {
                SchemaMetadata related = this.context.mapping(association.related()).metadata();
                String relatedPrefix = this.context.childPrefix(prefix, owner, related);
                parents.put(nested.name(), nested.children().isEmpty() ? null
                        : write(changeset, action, nested, 0, nested.children().get(0), relatedPrefix));
            }
        }
        return parents;
    }

    /** The foreign key a written (or removed) parent gives its child. */
    @Nullable Object parentKey(AssociationMetadata association, @Nullable Object parent) {
        if (parent == null) {
            return null;
        }
        return this.context.mapping(association.related())
            .metadata()
            .field(association.relatedKey())
            .accessor()
            .get(parent);
    }

    /**
     * Sets the foreign keys of the written parents on a new struct that is about to be
     * inserted; clears the nested associations.
     */
    @SuppressWarnings("unchecked")
    <T> T detach(Changeset<T> changeset, T struct, Map<String, @Nullable Object> parents) {
        SchemaMetadata metadata = changeset.metadata();
        Object data = metadata.record() ? metadata.structs().draft(struct) : struct;
        for (String name : changeset.nested().keySet()) {
            AssociationMetadata association = metadata.association(name);
            if (association.kind() == AssociationKind.BELONGS_TO) {
                metadata.field(association.ownerKey()).accessor().set(data, parentKey(association, parents.get(name)));
            }
            association.accessor().set(data, null);
        }
        T detached = (T) metadata.structs().build(data);
        if (detached != struct) {
            this.context.states.copy(struct, detached);
        }
        return detached;
    }

    /**
     * Writes the children after their parent and answers the parent holding every written
     * association.
     */
    <T> T writeChildren(Changeset<?> changeset, T parent, Map<String, @Nullable Object> parents, boolean inserted) {
        SchemaMetadata metadata = this.context.mapping(parent.getClass()).metadata();
        T result = parent;
        for (Changeset.NestedChanges nested : changeset.nested().values()) {
            AssociationMetadata association = metadata.association(nested.name());
            Object value = switch (association.kind()) {
                case BELONGS_TO -> {
                    replaceParents(nested, association);
                    yield parents.get(nested.name());
                }
                case HAS -> writeHas(changeset, inserted ? "insert" : "update", nested, association, result);
                default -> writeManyToMany(changeset, nested, association, result, inserted);
            };
            result = withAssociation(metadata, result, association, value);
        }
        return result;
    }

    private void replaceParents(Changeset.NestedChanges nested, AssociationMetadata association) {
        for (Object removed : nested.removed()) {
            switch (association.onReplace()) {
                case DELETE -> this.deletes.delete(removed, null, Map.of(), true);
                case DELETE_IF_EXISTS -> this.deletes.delete(removed, null, Map.of(), false);
                default -> {
                    // NILIFY and UPDATE leave the former parent as it is: the child's key
                    // no longer points to it.
                }
            }
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private Object writeHas(Changeset<?> changeset, String action, Changeset.NestedChanges nested,
            AssociationMetadata association, Object parent) {
        SchemaMetadata owner = this.context.mapping(parent.getClass()).metadata();
        SchemaMetadata related = this.context.mapping(association.related()).metadata();
        Object key = owner.field(association.ownerKey()).accessor().get(parent);
        String foreignKey = association.relatedKey();
        requireRepointable(owner, association, related, nested, key);
        for (Object removed : nested.removed()) {
            switch (association.onReplace()) {
                case DELETE -> this.deletes.delete(removed, null, Map.of(), true);
                case DELETE_IF_EXISTS -> this.deletes.delete(removed, null, Map.of(), false);
                default -> this.changesets
                    .update((Changeset) Changeset.change(related, removed).forceChange(foreignKey, null), null);
            }
        }
        String prefix = this.context.childPrefix(this.context.prefixOf(parent), owner, related);
        List<Object> written = new ArrayList<>();
        for (int i = 0; i < nested.children().size(); i++) {
            Changeset<?> child = nested.children().get(i);
            child.putChange(foreignKey, key);
            written.add(write(changeset, action, nested, i, child, prefix));
        }
        return one(nested, written);
    }

    /**
     * A foreign key written only on insert ({@code writable = INSERT}) cannot move a
     * stored child to this parent or away from it: refused before any write, never
     * skipped.
     */
    private static void requireRepointable(SchemaMetadata owner, AssociationMetadata association,
            SchemaMetadata related, Changeset.NestedChanges nested, @Nullable Object key) {
        FieldMetadata foreignKey = related.field(association.relatedKey());
        if (foreignKey.writable() == io.schemaspring.annotation.Writable.ALWAYS) {
            return;
        }
        boolean moves = nested.removed()
            .stream()
            .anyMatch(removed -> association.onReplace() != OnReplace.DELETE
                    && association.onReplace() != OnReplace.DELETE_IF_EXISTS)
                || nested.children()
                    .stream()
                    .anyMatch(child -> child.action() != Changeset.Action.INSERT
                            && !java.util.Objects.equals(foreignKey.accessor().get(child.data()), key));
        if (moves) {
            throw new org.springframework.dao.InvalidDataAccessApiUsageException("cannot move a stored "
                    + related.schemaClass().getSimpleName() + " to or from " + owner.schemaClass().getSimpleName()
                    + " :" + association.field() + ": its foreign key :" + foreignKey.name() + " is writable = "
                    + foreignKey.writable() + "; make it writable or replace the children with onReplace DELETE");
        }
    }

    private Object writeManyToMany(Changeset<?> changeset, Changeset.NestedChanges nested,
            AssociationMetadata association, Object parent, boolean inserted) {
        SchemaMetadata owner = this.context.mapping(parent.getClass()).metadata();
        SchemaMetadata related = this.context.mapping(association.related()).metadata();
        Object ownerKey = owner.field(association.ownerKey()).accessor().get(parent);
        String prefix = this.context.prefixOf(parent);
        for (Object removed : nested.removed()) {
            this.joinRows.deleteOne(owner, association, prefix, ownerKey, removed);
        }
        FieldMetadata relatedKey = related.field(association.relatedKey());
        Set<Object> joined = new HashSet<>();
        if (!inserted && association.accessor().get(changeset.data()) instanceof Collection<?> current
                && NotLoaded.isLoaded(current)) {
            current.forEach(child -> joined.add(relatedKey.accessor().get(child)));
            nested.removed().forEach(child -> joined.remove(relatedKey.accessor().get(child)));
        }
        String relatedPrefix = this.context.childPrefix(prefix, owner, related);
        List<Object> written = new ArrayList<>();
        List<Object> joins = new ArrayList<>();
        for (int i = 0; i < nested.children().size(); i++) {
            Object child = write(changeset, inserted ? "insert" : "update", nested, i, nested.children().get(i),
                    relatedPrefix);
            written.add(child);
            if (!joined.contains(relatedKey.accessor().get(child))) {
                joins.add(child);
            }
        }
        if (association.joinThroughSchema() != null) {
            insertJoinStructs(association, prefix, ownerKey, relatedKey, joins);
        }
        else if (!joins.isEmpty()) {
            this.joinRows.insert(owner, association, prefix, ownerKey, joins);
        }
        return written;
    }

    /**
     * Join rows of a join schema are inserted as its structs, Ecto's {@code insert_join}:
     * timestamps and ids are generated.
     */
    private void insertJoinStructs(AssociationMetadata association, @Nullable String prefix, Object ownerKey,
            FieldMetadata relatedKey, List<Object> joins) {
        SchemaMetadata join = this.context.mapping(association.joinThroughSchema()).metadata();
        for (Object related : joins) {
            Map<String, Object> values = new LinkedHashMap<>();
            association.joinDefaults().forEach(joinDefault -> values.put(joinDefault.field(), joinDefault.value()));
            values.put(association.joinKeys().get(0).joinField(), ownerKey);
            values.put(association.joinKeys().get(1).joinField(), relatedKey.accessor().get(related));
            this.changesets.insert(join.structs().newInstance(values), prefix);
        }
    }

    /**
     * Inserts or updates one child; its failure puts its errors on the parent's changeset
     * and fails the parent.
     */
    @SuppressWarnings("unchecked")
    private Object write(Changeset<?> parent, String action, Changeset.NestedChanges nested, int index,
            Changeset<?> child, @Nullable String prefix) {
        Changeset<Object> changeset = (Changeset<Object>) child;
        try {
            boolean insert = changeset.action() == null ? !stored(changeset, prefix)
                    : changeset.action() == Changeset.Action.INSERT;
            return insert ? this.changesets.insert(changeset, prefix) : this.changesets.update(changeset, null);
        }
        catch (InvalidChangesetException ex) {
            String path = nested.name() + (nested.cardinality() == Cardinality.MANY ? "[" + index + "]." : ".");
            child.errors().forEach(error -> parent.addError(path + error.field(), error.message(), error.metadata()));
            throw new InvalidChangesetException(action, parent);
        }
    }

    /**
     * Whether the row of a child with a key of its own exists where it would be written:
     * one {@code SELECT 1}.
     */
    private boolean stored(Changeset<?> child, @Nullable String prefix) {
        SchemaMapping mapping = this.context.mapping(child.data().getClass());
        SchemaMetadata metadata = mapping.metadata();
        StructStates.Known known = this.context.states.known(metadata, child.data());
        String where = known != null ? known.prefix() : prefix;
        String sql = this.context.statements.get(metadata, where, "exists", "",
                () -> this.context.renderer.render(Select.columns(Table.of(where, metadata.source()), List.of())
                    .where(Keys.condition(metadata, Map.of()))
                    .project(Select.Projection.EXISTS)));
        Parameters parameters = new Parameters();
        Keys.addParameters(mapping, child.data(), parameters, Map.of());
        return Boolean.TRUE.equals(this.context.jdbc.query(sql, parameters, java.sql.ResultSet::next));
    }

    private static @Nullable Object one(Changeset.NestedChanges nested, List<Object> written) {
        return nested.cardinality() == Cardinality.ONE ? (written.isEmpty() ? null : written.get(0)) : written;
    }

    @SuppressWarnings("unchecked")
    private <T> T withAssociation(SchemaMetadata metadata, T struct, AssociationMetadata association,
            @Nullable Object value) {
        T result = struct;
        if (!metadata.record()) {
            association.accessor().set(struct, value);
        }
        else {
            result = (T) metadata.structs().with(struct, association.field(), value);
            this.context.states.copy(struct, result);
        }
        if (association.cardinality() == Cardinality.ONE) {
            this.context.states.stateOf(result).loaded.add(association.field());
        }
        return result;
    }

}
