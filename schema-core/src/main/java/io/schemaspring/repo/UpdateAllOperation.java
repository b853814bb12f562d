package io.schemaspring.repo;

import io.schemaspring.query.Query;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.query.Value;
import io.schemaspring.type.ArrayType;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.BulkUpdate;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Table;
import java.util.ArrayList;
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
        Statement statement = statement(given, update, "updateAll");
        return this.context.jdbc.update(statement.sql(), statement.parameters());
    }

    /**
     * {@code update_all} with {@code select: p}: the structs of the rows changed, with
     * their new values, in no particular order.
     */
    @SuppressWarnings("unchecked")
    <T> List<T> updateAllReturning(Query<T> given, UpdateAll update) {
        Statement statement = statement(given, update, "updateAllReturning");
        List<T> rows = (List<T>) QueryExecutor.rows(this.context, statement.sql(), statement.parameters(),
                statement.mapping());
        this.context.states.loaded(statement.mapping().metadata(), rows, statement.prefix());
        return rows;
    }

    /**
     * Refuses, where an UPDATE's later assignments read what earlier ones wrote, a
     * computed value reading a field the same statement assigns: it would see the new
     * value, where Ecto's {@code update_all} (and the standard) reads the row as it was.
     */
    private void requireOldValues(UpdateChanges changes, String action) {
        if (!this.context.dialect().assignsInOrder()) {
            return;
        }
        // Computed values are assigned after the sets and incs, each after the ones
        // before it.
        java.util.Set<String> assigned = new java.util.HashSet<>(changes.sets());
        assigned.addAll(changes.incs());
        for (UpdateAll.Change change : changes.computed()) {
            if (change.value() instanceof Value value) {
                for (String read : ValueCompiler.fieldsRead(value)) {
                    if (assigned.contains(read)) {
                        throw new InvalidDataAccessApiUsageException(action + " sets :" + change.field() + " from :"
                                + read + ", which it also changes: " + this.context.dialect().name()
                                + " would read the new value; change them in two updateAll calls");
                    }
                }
            }
            assigned.add(change.field());
        }
    }

    /**
     * A change the database computes from the row: a set to a {@link Value}, or a push or
     * pull of an element cast to the array's element type.
     */
    private Condition computed(SchemaMapping mapping, UpdateAll.Change change, String action, Parameters parameters) {
        ValueCompiler values = this.context.compiler.values();
        if (change.kind() == UpdateAll.Kind.SET) {
            return values.value((Value) change.value(), QueryFields.of(mapping), parameters);
        }
        SchemaMetadata metadata = mapping.metadata();
        if (!(metadata.type(change.field()) instanceof ArrayType array)) {
            throw new InvalidDataAccessApiUsageException(
                    action + " cannot " + change.kind().name().toLowerCase(java.util.Locale.ROOT) + " :"
                            + change.field() + " of " + metadata.schemaClass().getSimpleName() + ": it is of type "
                            + metadata.type(change.field()) + ", not an array");
        }
        Object element = QueryCompiler.cast(metadata, change.field(), array.elementType(), change.value());
        return values.arrayChange(Column.of(metadata.fieldSource(change.field())), change.kind() == UpdateAll.Kind.PUSH,
                element, parameters);
    }

    private record Statement(String sql, Parameters parameters, SchemaMapping mapping, @Nullable String prefix) {
    }

    private Statement statement(Query<?> given, UpdateAll update, String action) {
        boolean returning = !action.equals("updateAll");
        QueryCompiler.requireNoCombination(given, action);
        if (given.limit() != null || given.offset() != null) {
            throw new InvalidDataAccessApiUsageException(action + " does not take limit or offset: " + given);
        }
        if (!given.orders().isEmpty() || !given.preloads().isEmpty() || given.lock() != null || given.isDistinct()
                || !given.merges().isEmpty() || !given.taken().isEmpty() && given.tableName() == null) {
            throw new InvalidDataAccessApiUsageException(
                    action + " does not take orderBy, preload, lock, distinct, selectMerge or take: " + given);
        }
        Query<?> query = QueryExecutor.byJoinedKeys(given, this.context.mapping(given).metadata(), action);
        SchemaMapping mapping = this.context.mapping(query);
        SchemaMetadata metadata = mapping.metadata();
        if (returning) {
            QueryCompiler.requireSelected(query, mapping);
        }
        if (update.changes().isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    action + " needs at least one set or inc: " + "UpdateAll.create().set(field, value)");
        }
        UpdateChanges changes = UpdateChanges.of(mapping, update.changes(), action);
        List<String> sets = changes.sets();
        List<String> incs = changes.incs();
        requireOldValues(changes, action);
        Parameters computedParameters = new Parameters();
        List<String> computedFields = new java.util.ArrayList<>();
        List<Condition> computedValues = new java.util.ArrayList<>();
        for (UpdateAll.Change change : changes.computed()) {
            computedFields.add(change.field());
            computedValues.add(computed(mapping, change, action, computedParameters));
        }
        Parameters filterParameters = new Parameters();
        Condition where = this.context.compiler.where(query, mapping, filterParameters);
        Parameters parameters = new Parameters().addAll(changes.parameters())
            .addAll(computedParameters)
            .addAll(filterParameters);
        @Nullable String prefix = query.prefix() != null ? query.prefix() : metadata.prefix();
        List<Object> shape = new java.util.ArrayList<>(List.of(sets, incs, computedFields, computedValues));
        shape.add(where == null ? "" : where);
        String sql = this.context.statements.get(metadata, prefix, returning ? "updateAllReturning" : "updateAll",
                shape, () -> {
                    String dml = this.context.renderer
                        .render(new BulkUpdate(Table.of(prefix, metadata.source()), FieldSources.of(metadata, sets),
                                FieldSources.of(metadata, incs), FieldSources.json(mapping, sets), where,
                                FieldSources.of(metadata, computedFields), computedValues));
                    return returning ? this.context.renderer.renderReturning(dml, mapping.queryColumns(), false, action)
                            : dml;
                });
        return new Statement(sql, parameters, mapping, prefix);
    }

}
