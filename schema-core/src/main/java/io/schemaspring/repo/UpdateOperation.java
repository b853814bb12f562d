package io.schemaspring.repo;

import io.schemaspring.annotation.Writable;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.FieldAccessor;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Table;
import io.schemaspring.repo.internal.sql.Update;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code update}: changed columns and the updated-at timestamp, optimistic locks,
 * read-back, join rows.
 */
final class UpdateOperation {

    private final RepoContext context;

    private final JoinRowWriter joinRows;

    private final ReadBack readBack;

    UpdateOperation(RepoContext context, JoinRowWriter joinRows, ReadBack readBack) {
        this.context = context;
        this.joinRows = joinRows;
        this.readBack = readBack;
    }

    /**
     * Every {@code writable = ALWAYS} field of the struct, under its {@code @Version}
     * when it has one.
     */
    <T> T update(T struct, @Nullable String prefix) {
        SchemaMetadata metadata = this.context.mapping(struct.getClass()).metadata();
        String partial = this.context.states.partial(struct);
        if (partial != null) {
            throw new InvalidDataAccessApiUsageException("cannot update " + metadata.schemaClass().getSimpleName()
                    + " as a whole struct: " + partial + "; update it with a changeset of the fields to change");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String name : metadata.fields()) {
            FieldMetadata field = metadata.field(name);
            if (!field.primaryKey() && field.writable() == Writable.ALWAYS) {
                changes.put(name, field.accessor().get(struct));
            }
        }
        String target = this.context.target(metadata, struct, prefix, "update");
        String version = metadata.versionField();
        if (version == null) {
            return write(struct, target, changes, true, Map.of());
        }
        FieldAccessor versionAccessor = metadata.field(version).accessor();
        Object read = versionAccessor.get(struct);
        changes.put(version, VersionLock.next(metadata, read));
        try {
            return write(struct, target, changes, true, Collections.singletonMap(version, read));
        }
        catch (RuntimeException ex) {
            if (!metadata.record()) {
                versionAccessor.set(struct, read);
            }
            throw ex;
        }
    }

    /**
     * Applies the changes to the struct and writes them to {@code prefix}, where the row
     * must match the primary key and each filter; many-to-many changes replace the join
     * rows.
     */
    @SuppressWarnings("unchecked")
    <T> T write(T given, @Nullable String prefix, Map<String, Object> changes, boolean replaceLoadedJoins,
            Map<String, Object> filters) {
        SchemaMapping mapping = this.context.mapping(given.getClass());
        SchemaMetadata metadata = mapping.metadata();
        Object struct = metadata.record() ? metadata.structs().draft(given) : given;
        Keys.require(metadata, struct, "update");
        List<Object> key = Keys.values(metadata, struct);
        Map<String, Object> joinChanges = Map.of();
        for (Iterator<Map.Entry<String, Object>> entries = changes.entrySet().iterator(); entries.hasNext();) {
            Map.Entry<String, Object> change = entries.next();
            AssociationMetadata association = metadata.association(change.getKey());
            if (association != null) {
                if (joinChanges.isEmpty()) {
                    joinChanges = new LinkedHashMap<>();
                }
                joinChanges.put(change.getKey(), change.getValue());
                association.accessor().set(struct, change.getValue());
                entries.remove();
            }
            else {
                metadata.field(change.getKey()).accessor().set(struct, change.getValue());
            }
        }
        this.context.autogenerator.onUpdate(metadata, struct);
        List<String> columns = new ArrayList<>(changes.size() + metadata.autoupdateFields().size());
        for (String name : metadata.fields()) {
            if (changes.containsKey(name) || metadata.autoupdateFields().contains(name)) {
                columns.add(name);
            }
        }
        List<String> returning = metadata.readAfterWrites();
        Dialect dialect = this.context.dialect;
        if (!returning.isEmpty() && dialect.readBack().updateReturning() == Dialect.Returning.NONE
                && !columns.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    dialect.name() + " cannot read " + returning + " of " + metadata.schemaClass().getSimpleName()
                            + " back after update: " + dialect.readBack().updateReturningAdvice());
        }
        boolean joins = replaceLoadedJoins ? this.joinRows.hasJoinRows(metadata, struct) : !joinChanges.isEmpty();
        boolean guarded = !columns.isEmpty() && !this.context.uniqueKeys.enforced(metadata, prefix);
        this.context.inTransaction(joins || guarded, () -> {
            if (!columns.isEmpty()) {
                run(mapping, struct, key, prefix, columns, returning, filters);
            }
            if (joins) {
                this.joinRows.write(metadata, struct, prefix, true);
            }
            return null;
        });
        T updated = (T) metadata.structs().build(struct);
        if (updated != given) {
            this.context.states.copy(given, updated);
        }
        this.context.states.loaded(metadata, updated, prefix);
        return updated;
    }

    /**
     * Updates the row of {@code key}, the primary key the struct had before the changes
     * (a changeset may change it).
     */
    private void run(SchemaMapping mapping, Object struct, List<Object> key, @Nullable String prefix,
            List<String> columns, List<String> returning, Map<String, Object> filters) {
        SchemaMetadata metadata = mapping.metadata();
        String sql = this.context.statements.get(metadata, prefix, "update",
                List.of(List.copyOf(columns), Keys.filterShape(filters)),
                () -> this.context.renderer.render(new Update(Table.of(prefix, metadata.source()),
                        FieldSources.of(metadata, columns), FieldSources.json(mapping, columns),
                        Keys.condition(metadata, filters), FieldSources.of(metadata, returning))));
        Parameters parameters = new Parameters();
        columns.forEach(name -> parameters.add(mapping.codec(name), metadata.field(name).accessor().get(struct)));
        Keys.addParameters(mapping, key, parameters, filters);
        boolean matched;
        if (returning.isEmpty()) {
            int count = this.context.jdbc.update(sql, parameters);
            if (count > 1) {
                throw new MultiplePrimaryKeyException("update", metadata.schemaClass(), metadata.source(),
                        metadata.primaryKey(), count);
            }
            matched = count != 0;
        }
        else {
            matched = this.readBack.write(sql, parameters, mapping, struct, returning,
                    this.context.dialect.readBack().updateReturning());
        }
        if (!matched) {
            throw new StaleEntryException("update", metadata.schemaClass(), Keys.describe(metadata, struct));
        }
    }

}
