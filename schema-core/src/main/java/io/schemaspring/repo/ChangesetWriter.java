package io.schemaspring.repo;

import io.schemaspring.annotation.Writable;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.Constraint;
import io.schemaspring.changeset.ConstraintViolations;
import io.schemaspring.changeset.InvalidChangesetException;
import io.schemaspring.changeset.UndeclaredConstraintException;
import io.schemaspring.changeset.UnstorableValueException;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.repo.dialect.ConstraintViolation;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.StructMeta;
import io.schemaspring.type.CustomType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Ecto's {@code Repo.Schema} for changesets: invalid changesets are never sent, declared
 * constraint violations become field errors, and the associations of {@code putAssoc} and
 * {@code castAssoc} are written with their parent in one transaction
 * ({@link AssocWriter}).
 */
final class ChangesetWriter {

    private final RepoContext context;

    private final InsertOperation inserts;

    private final UpdateOperation updates;

    private final DeleteOperation deletes;

    private final JoinRowWriter joinRows;

    private final AssocWriter assocs;

    private final ChangesetViolations violations = new ChangesetViolations();

    ChangesetWriter(RepoContext context, InsertOperation inserts, UpdateOperation updates, DeleteOperation deletes,
            JoinRowWriter joinRows) {
        this.context = context;
        this.inserts = inserts;
        this.updates = updates;
        this.deletes = deletes;
        this.joinRows = joinRows;
        this.assocs = new AssocWriter(context, this, deletes, joinRows);
    }

    /**
     * Ecto's {@code Repo.insert} of a struct: one holding associated structs is written
     * as a changeset putting them, in one transaction; a class schema's struct is then
     * given the written values, as a plain insert gives it its id.
     */
    <T> T insert(T struct, @Nullable String prefix) {
        return insert(struct, prefix, Set.of());
    }

    /**
     * As {@link #insert(Object, String)}, writing {@code nulls} even where they are null:
     * a changeset's explicit null changes.
     */
    @SuppressWarnings("unchecked")
    private <T> T insert(T struct, @Nullable String prefix, Set<String> nulls) {
        SchemaMetadata metadata = this.context.mapping(struct.getClass()).metadata();
        if (!AssocWriter.holdsAssociations(metadata, struct)) {
            return this.inserts.insert(struct, prefix, nulls);
        }
        this.joinRows.hasJoinRows(metadata, struct);
        T inserted = insert(this.assocs.asChangeset(metadata, struct), prefix);
        if (metadata.record()) {
            return inserted;
        }
        for (String name : metadata.fields()) {
            FieldMetadata field = metadata.field(name);
            field.accessor().set(struct, field.accessor().get(inserted));
        }
        for (String name : metadata.associations()) {
            AssociationMetadata association = metadata.association(name);
            if (association.kind() != io.schemaspring.metadata.AssociationKind.THROUGH) {
                association.accessor().set(struct, association.accessor().get(inserted));
            }
        }
        StructMeta meta = metadata.getMeta(inserted);
        if (meta != null) {
            metadata.putMeta(struct, meta);
        }
        this.context.states.copy(inserted, struct);
        return struct;
    }

    /**
     * Ecto's {@code Repo.insert} of a changeset; associations its data holds beside those
     * it changes are inserted too.
     */
    <T> T insert(Changeset<T> changeset, @Nullable String prefix) {
        requireValid("insert", changeset);
        boolean nested = !changeset.nested().isEmpty();
        return withConstraints("insert", changeset, () -> this.context.inTransaction(nested, () -> {
            Map<String, @Nullable Object> parents = nested ? this.assocs.writeParents(changeset, prefix, "insert")
                    : Map.of();
            T struct = changeset.applyChanges();
            this.context.states.copy(changeset.data(), struct);
            if (nested) {
                struct = this.assocs.detach(changeset, struct, parents);
            }
            T inserted = insert(struct, prefix, changeset.changes().keySet());
            return nested ? this.assocs.writeChildren(changeset, inserted, parents, true) : inserted;
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
            if (field == null) {
                throw this.context.mapping(data.getClass()).unknownField(name);
            }
            if (field.virtual() || field.writable() == Writable.ALWAYS) {
                changes.put(name, value);
            }
        });
        boolean nested = !changeset.nested().isEmpty();
        if (changes.isEmpty() && !nested) {
            return data;
        }
        if (nested) {
            this.assocs.requireLoaded(changeset);
        }
        return withConstraints("update", changeset, () -> this.context.inTransaction(nested, () -> {
            Map<String, @Nullable Object> parents = nested ? this.assocs.writeParents(changeset, target, "update")
                    : Map.of();
            parents.forEach((name, parent) -> {
                AssociationMetadata association = metadata.association(name);
                Object key = this.assocs.parentKey(association, parent);
                if (!Objects.equals(key, metadata.field(association.ownerKey()).accessor().get(data))) {
                    changes.put(association.ownerKey(), key);
                }
            });
            String version = metadata.versionField();
            boolean versioned = version != null && !changes.isEmpty() && !changeset.filters().containsKey(version);
            Map<String, Object> filters = versioned ? VersionLock.filters(metadata, data, changeset.filters())
                    : changeset.filters();
            if (versioned) {
                changes.put(version, VersionLock.next(metadata, filters.get(version)));
            }
            Object copy = metadata.record() ? metadata.structs().draft(data) : metadata.structs().copy(data);
            for (String name : metadata.virtualFields()) {
                if (changes.containsKey(name)) {
                    metadata.field(name).accessor().set(copy, changes.remove(name));
                }
            }
            T struct = (T) metadata.structs().build(copy);
            this.context.states.copy(data, struct);
            T updated = changes.isEmpty() ? struct : this.updates.write(struct, target, changes, false, filters);
            return nested ? this.assocs.writeChildren(changeset, updated, parents, false) : updated;
        }));
    }

    <T> T delete(Changeset<T> changeset, @Nullable String prefix) {
        requireValid("delete", changeset);
        return withConstraints("delete", changeset,
                () -> this.deletes.delete(changeset.data(), prefix, changeset.filters()));
    }

    private void requireValid(String action, Changeset<?> changeset) {
        requireOwnDefinition(action, changeset);
        if (!changeset.valid()) {
            throw new InvalidChangesetException(action, changeset);
        }
    }

    /**
     * Refuses a changeset cast with other metadata than the repository's for its class
     * where the two would write differently: the static {@code Changeset.cast(data, ...)}
     * and {@code Changeset.change(data)} use Ecto's defaults, not the application's
     * settings (a field source mapper, custom types, ...), so a changed field could have
     * been cast to another type, or a declared constraint be named after another column.
     * Anything else (a default prefix, say) the repository takes from its own metadata,
     * so such a changeset is written as if cast there.
     */
    private void requireOwnDefinition(String action, Changeset<?> changeset) {
        SchemaMetadata cast = changeset.metadata();
        SchemaMetadata own = this.context.registry.find(cast.schemaClass());
        if (own == null || own == cast) {
            return;
        }
        Set<String> fields = new LinkedHashSet<>(changeset.changes().keySet());
        changeset.constraints().forEach(constraint -> fields.add(constraint.field()));
        for (String field : fields) {
            String difference = difference(cast, own, field);
            if (difference != null) {
                String name = cast.schemaClass().getSimpleName();
                throw new InvalidDataAccessApiUsageException("could not perform " + action + " of " + name
                        + ": its changeset was cast with metadata other than the repository's, where " + difference
                        + " (Changeset.cast(data, ...) and Changeset.change(data) use Ecto's defaults, not the "
                        + "application's settings); cast it with the Changesets bean or Changeset.cast(registry.get("
                        + name + ".class), ...)");
            }
        }
    }

    private static @Nullable String difference(SchemaMetadata cast, SchemaMetadata own, String field) {
        FieldMetadata given = cast.field(field);
        FieldMetadata stored = own.field(field);
        if (given == null || stored == null) {
            return null;
        }
        if (!Objects.equals(given.source(), stored.source())) {
            return "field :" + field + " is stored in column " + stored.source() + ", not " + given.source();
        }
        boolean sameType = given.type().equals(stored.type()) || given.type() instanceof CustomType a
                && stored.type() instanceof CustomType b && a.schemaType().getClass() == b.schemaType().getClass();
        return sameType ? null : "field :" + field + " is of type " + stored.type() + ", not " + given.type();
    }

    /**
     * The constraint the database reported, as the dialect reads it from the driver's
     * error.
     */
    private @Nullable ConstraintViolation violationOf(RuntimeException ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return this.context.dialect.constraints().read(sql);
            }
        }
        return null;
    }

    private <R> R withConstraints(String action, Changeset<?> changeset, Supplier<R> work) {
        try {
            return work.get();
        }
        catch (UndeclaredConstraintException | UnstorableValueException ex) {
            throw ex;
        }
        catch (DataIntegrityViolationException ex) {
            throw constraintError(action, changeset, ex, violationOf(ex));
        }
        catch (UncategorizedSQLException ex) {
            ConstraintViolation violation = violationOf(ex);
            if (violation == null) {
                throw ex;
            }
            throw constraintError(action, changeset, new DataIntegrityViolationException(ex.getMessage(), ex),
                    violation);
        }
    }

    /**
     * The declared constraint's field error, else what {@link ChangesetViolations} makes
     * of the violation.
     */
    private RuntimeException constraintError(String action, Changeset<?> changeset, DataIntegrityViolationException ex,
            @Nullable ConstraintViolation violation) {
        Constraint constraint = violation == null ? null
                : changeset.constraints().stream().filter(violation::matches).findFirst().orElse(null);
        if (constraint == null && violation != null && violation.name() == null
                && changeset.constraints()
                    .stream()
                    .anyMatch(declared -> ConstraintViolation.kindOf(declared.type()) == violation.kind())) {
            return UndeclaredConstraintException.unnamed(action, changeset.metadata().schemaClass(),
                    violation.kind().ectoName(), this.context.dialect.name(), ex);
        }
        if (constraint == null) {
            return this.violations.translate(this.context.jdbc,
                    this.context.dialect.columnTypes().countsSizesInUtf16Units(), action, changeset,
                    this.context.prefixOf(changeset.data()), ex, violation);
        }
        ConstraintViolations.addError(changeset, constraint);
        return new InvalidChangesetException(action, changeset);
    }

}
