package io.schemaspring.repo;

import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Writable;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.Constraint;
import io.schemaspring.changeset.ConstraintViolations;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.changeset.UndeclaredConstraintException;
import io.schemaspring.changeset.UnstorableValueException;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.Cardinality;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Ecto's {@code Repo.Schema} for changesets: invalid changesets are never sent, declared
 * constraint violations become field errors, and the children of {@code castAssoc} are written
 * with their parent in one transaction.
 */
final class ChangesetWriter {

    private final RepoContext context;
    private final InsertOperation inserts;
    private final UpdateOperation updates;
    private final DeleteOperation deletes;
    private final ChangesetViolations violations = new ChangesetViolations();

    ChangesetWriter(RepoContext context, InsertOperation inserts, UpdateOperation updates, DeleteOperation deletes) {
        this.context = context;
        this.inserts = inserts;
        this.updates = updates;
        this.deletes = deletes;
    }

    <T> T insert(Changeset<T> changeset, @Nullable String prefix) {
        requireValid("insert", changeset);
        T struct = changeset.applyChanges();
        this.context.states.copy(changeset.data(), struct);
        return withConstraints("insert", changeset, () -> this.context.inTransaction(!changeset.nested().isEmpty(), () -> {
            T inserted = this.inserts.insert(struct, prefix);
            return writeNested(changeset, inserted);
        }));
    }

    @SuppressWarnings("unchecked")
    <T> T update(Changeset<T> changeset, @Nullable String prefix) {
        requireValid("update", changeset);
        T data = changeset.data();
        SchemaMetadata metadata = this.context.mapping(data.getClass()).metadata();
        String target = this.context.target(metadata, data, prefix, "update");
        Map<String, Object> changes = new LinkedHashMap<>();
        changeset.changes().forEach((name, value) -> {
            FieldMetadata field = metadata.field(name);
            if (field == null && metadata.association(name) == null) {
                throw this.context.mapping(data.getClass()).unknownField(name);
            }
            if (field == null || field.virtual() || (!field.primaryKey() && field.writable() == Writable.ALWAYS)) {
                changes.put(name, value);
            }
        });
        if (changes.isEmpty() && changeset.nested().isEmpty()) {
            return data;
        }
        String version = metadata.versionField();
        boolean versioned = version != null && !changes.isEmpty() && !changeset.filters().containsKey(version);
        Map<String, Object> filters = versioned ? VersionLock.filters(metadata, data, changeset.filters()) : changeset.filters();
        if (versioned) {
            changes.put(version, VersionLock.next(metadata, filters.get(version)));
        }
        Object copy = metadata.record() ? metadata.draft(data) : metadata.copy(data);
        for (String name : metadata.virtualFields()) {
            if (changes.containsKey(name)) {
                metadata.field(name).accessor().set(copy, changes.remove(name));
            }
        }
        T struct = (T) metadata.build(copy);
        this.context.states.copy(data, struct);
        return withConstraints("update", changeset, () -> this.context.inTransaction(!changeset.nested().isEmpty(), () -> {
            T updated = changes.isEmpty() ? struct : this.updates.write(struct, target, changes, false, filters);
            return writeNested(changeset, updated);
        }));
    }

    <T> T delete(Changeset<T> changeset, @Nullable String prefix) {
        requireValid("delete", changeset);
        return withConstraints("delete", changeset, () -> this.deletes.delete(changeset.data(), prefix, changeset.filters()));
    }

    private static void requireValid(String action, Changeset<?> changeset) {
        if (!changeset.valid()) {
            throw new InvalidChangesetException(action, changeset);
        }
    }

    private <R> R withConstraints(String action, Changeset<?> changeset, Supplier<R> work) {
        try {
            return work.get();
        }
        catch (UndeclaredConstraintException | UnstorableValueException ex) {
            throw ex;
        }
        catch (DataIntegrityViolationException ex) {
            Constraint constraint = ConstraintViolations.find(changeset.constraints(), ex).orElse(null);
            if (constraint == null) {
                throw this.violations.translate(this.context.jdbc, action, changeset, this.context.prefixOf(changeset.data()),
                        ex);
            }
            ConstraintViolations.addError(changeset, constraint);
            throw new InvalidChangesetException(action, changeset);
        }
    }

    /** Writes the children of {@code castAssoc} after their parent, and applies onReplace to those left out. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T> T writeNested(Changeset<?> changeset, T parent) {
        if (changeset.nested().isEmpty()) {
            return parent;
        }
        SchemaMetadata metadata = this.context.mapping(parent.getClass()).metadata();
        for (Changeset.NestedChanges nested : changeset.nested().values()) {
            AssociationMetadata association = metadata.association(nested.name());
            Object key = metadata.field(association.ownerKey()).accessor().get(parent);
            String prefix = this.context.childPrefix(this.context.prefixOf(parent), metadata,
                    this.context.mapping(association.related()).metadata());
            for (Object removed : nested.removed()) {
                if (association.onReplace() == OnReplace.NILIFY) {
                    update((Changeset) Changeset.change(this.context.mapping(removed.getClass()).metadata(), removed).forceChange(association.relatedKey(), null), null);
                }
                else {
                    this.deletes.delete(removed, null, Map.of());
                }
            }
            List<Object> written = new ArrayList<>();
            for (int i = 0; i < nested.children().size(); i++) {
                Changeset<Object> child = (Changeset<Object>) nested.children().get(i);
                child.forceChange(association.relatedKey(), key);
                boolean persisted = child.metadata().primaryKey().stream()
                        .allMatch(field -> child.metadata().field(field).accessor().get(child.data()) != null);
                try {
                    written.add(persisted ? update(child, null) : insert(child, prefix));
                }
                catch (InvalidChangesetException ex) {
                    String path = nested.name() + (association.cardinality() == Cardinality.MANY ? "[" + i + "]." : ".");
                    child.errors().forEach(error -> changeset.addError(path + error.field(), error.message(), error.metadata()));
                    throw new InvalidChangesetException(changeset.data() == parent ? "insert" : "update", changeset);
                }
            }
            Object children = association.cardinality() == Cardinality.ONE ? (written.isEmpty() ? null : written.get(0)) : written;
            if (metadata.record()) {
                T replaced = (T) metadata.with(parent, association.field(), children);
                this.context.states.copy(parent, replaced);
                parent = replaced;
            }
            else {
                association.accessor().set(parent, children);
            }
        }
        return parent;
    }
}
