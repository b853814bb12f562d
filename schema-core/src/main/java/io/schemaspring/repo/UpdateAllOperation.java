package io.schemaspring.repo;

import io.schemaspring.query.Query;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.annotation.Writable;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.BulkUpdate;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Table;
import io.schemaspring.type.CastResult;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.Type;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code update_all} with {@code set} and {@code inc}: one UPDATE over the rows a
 * query matches, every value cast to its field's type before any SQL; answers the row
 * count.
 */
final class UpdateAllOperation {

    private final RepoContext context;

    UpdateAllOperation(RepoContext context) {
        this.context = context;
    }

    int updateAll(Query<?> given, UpdateAll update) {
        if (given.limit() != null || given.offset() != null) {
            throw new InvalidDataAccessApiUsageException("updateAll does not take limit or offset: " + given);
        }
        if (!given.orders().isEmpty() || !given.preloads().isEmpty() || given.lock() != null || given.isDistinct()) {
            throw new InvalidDataAccessApiUsageException(
                    "updateAll does not take orderBy, preload, lock or distinct: " + given);
        }
        Query<?> query = QueryExecutor.byJoinedKeys(given, this.context.mapping(given.schema()).metadata(),
                "updateAll");
        SchemaMapping mapping = this.context.mapping(query.schema());
        SchemaMetadata metadata = mapping.metadata();
        if (update.changes().isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    "updateAll needs at least one set or inc: " + "UpdateAll.create().set(field, value)");
        }
        UpdateChanges changes = UpdateChanges.of(mapping, update.changes(), "updateAll");
        List<String> sets = changes.sets();
        List<String> incs = changes.incs();
        Parameters filterParameters = new Parameters();
        Condition where = this.context.compiler.where(query, mapping, filterParameters);
        Parameters parameters = new Parameters().addAll(changes.parameters()).addAll(filterParameters);
        @Nullable String prefix = query.prefix() != null ? query.prefix() : metadata.prefix();
        List<Object> shape = new java.util.ArrayList<>(List.of(sets, incs));
        shape.add(where == null ? "" : where);
        String sql = this.context.statements.get(metadata.schemaClass(), prefix, "updateAll", shape,
                () -> this.context.renderer
                    .render(new BulkUpdate(Table.of(prefix, metadata.source()), FieldSources.of(metadata, sets),
                            FieldSources.of(metadata, incs), FieldSources.json(mapping, sets), where)));
        return this.context.jdbc.update(sql, parameters);
    }

}
