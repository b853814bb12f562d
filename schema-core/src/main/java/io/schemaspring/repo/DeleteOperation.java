package io.schemaspring.repo;

import io.schemaspring.annotation.OnDelete;
import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Delete;
import io.schemaspring.repo.internal.sql.Table;
import io.schemaspring.repo.internal.sql.Update;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's {@code delete}: by primary key and locks, after each association's
 * {@code onDelete}, in one transaction.
 */
final class DeleteOperation {

    private final RepoContext context;

    private final JoinRowWriter joinRows;

    DeleteOperation(RepoContext context, JoinRowWriter joinRows) {
        this.context = context;
        this.joinRows = joinRows;
    }

    <T> T delete(T struct, @Nullable String requested, Map<String, Object> lockFilters) {
        return delete(struct, requested, lockFilters, true);
    }

    /**
     * Deletes the struct's row; a row already gone is a {@link StaleEntryException} only
     * when {@code required}.
     */
    <T> T delete(T struct, @Nullable String requested, Map<String, Object> lockFilters, boolean required) {
        SchemaMapping mapping = this.context.mapping(struct.getClass());
        SchemaMetadata metadata = mapping.metadata();
        Keys.require(metadata, struct, "delete");
        String prefix = this.context.target(metadata, struct, requested, "delete");
        Map<String, Object> filters = VersionLock.filters(metadata, struct, lockFilters);
        this.context.inTransaction(true, () -> {
            for (String name : metadata.associations()) {
                AssociationMetadata association = metadata.association(name);
                if (association.onDelete() != OnDelete.NOTHING) {
                    applyOnDelete(metadata, association, struct, prefix);
                }
            }
            String sql = this.context.statements.get(metadata, prefix, "delete", Keys.filterShape(filters),
                    () -> this.context.renderer
                        .render(new Delete(Table.of(prefix, metadata.source()), Keys.condition(metadata, filters))));
            Parameters parameters = new Parameters();
            Keys.addParameters(mapping, struct, parameters, filters);
            int count = this.context.jdbc.update(sql, parameters);
            if (count > 1) {
                throw new MultiplePrimaryKeyException("delete", metadata.schemaClass(), metadata.source(),
                        metadata.primaryKey(), count);
            }
            if (count == 0 && required) {
                throw new StaleEntryException("delete", metadata.schemaClass(), Keys.describe(metadata, struct));
            }
            return null;
        });
        this.context.states.deleted(metadata, struct, prefix);
        return struct;
    }

    private void applyOnDelete(SchemaMetadata owner, AssociationMetadata association, Object struct,
            @Nullable String prefix) {
        Object key = owner.field(association.ownerKey()).accessor().get(struct);
        if (association.kind() == AssociationKind.MANY_TO_MANY) {
            this.joinRows.deleteAll(owner, association, prefix, key);
            return;
        }
        if (association.kind() != AssociationKind.HAS) {
            return;
        }
        SchemaMapping related = this.context.mapping(association.related());
        String relatedPrefix = this.context.childPrefix(prefix, owner, related.metadata());
        String foreignKey = related.metadata().fieldSource(association.relatedKey());
        Table table = Table.of(relatedPrefix, related.metadata().source());
        Condition byOwner = new Condition.Compare(Column.of(foreignKey), Condition.Operator.EQ);
        if (association.onDelete() == OnDelete.DELETE_ALL) {
            String sql = this.context.statement(owner.schemaClass(), relatedPrefix, association.field(), "deleteAll",
                    "", () -> this.context.renderer.render(new Delete(table, byOwner)));
            this.context.jdbc.update(sql, new Parameters().add(related.codec(association.relatedKey()), key));
        }
        else {
            String sql = this.context.statement(owner.schemaClass(), relatedPrefix, association.field(), "nilifyAll",
                    "", () -> this.context.renderer
                        .render(new Update(table, List.of(foreignKey), List.of(), byOwner, List.of())));
            this.context.jdbc.update(sql, new Parameters().add(related.codec(association.relatedKey()), null)
                .add(related.codec(association.relatedKey()), key));
        }
    }

}
