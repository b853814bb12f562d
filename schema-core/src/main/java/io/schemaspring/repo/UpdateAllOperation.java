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

    private static final Set<FieldType> NUMBERS = EnumSet.of(FieldType.ID, FieldType.INTEGER, FieldType.FLOAT,
            FieldType.DECIMAL);

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
        List<String> sets = new ArrayList<>();
        List<String> incs = new ArrayList<>();
        Parameters setParameters = new Parameters();
        Parameters incParameters = new Parameters();
        for (UpdateAll.Change change : update.changes()) {
            String name = change.field();
            if (metadata.fieldSource(name) == null) {
                throw mapping.unknownField(name);
            }
            FieldMetadata field = metadata.field(name);
            if (field.writable() != Writable.ALWAYS) {
                throw new InvalidDataAccessApiUsageException("updateAll cannot change :" + name + " of "
                        + metadata.schemaClass().getSimpleName() + ": it is writable = " + field.writable());
            }
            Type type = metadata.type(name);
            if (change.kind() == UpdateAll.Kind.INC) {
                if (!(type instanceof PrimitiveType primitive && NUMBERS.contains(primitive.fieldType()))) {
                    throw new InvalidDataAccessApiUsageException("updateAll cannot inc :" + name + " of "
                            + metadata.schemaClass().getSimpleName() + ": it is of type " + type + ", not a number");
                }
                incs.add(name);
                incParameters.add(mapping.codec(name), cast(metadata, name, type, change.value()));
            }
            else {
                sets.add(name);
                setParameters.add(mapping.codec(name),
                        change.value() == null ? null : cast(metadata, name, type, change.value()));
            }
        }
        Parameters filterParameters = new Parameters();
        Condition where = this.context.compiler.where(query, mapping, filterParameters);
        Parameters parameters = setParameters.addAll(incParameters).addAll(filterParameters);
        @Nullable String prefix = query.prefix() != null ? query.prefix() : metadata.prefix();
        List<Object> shape = new java.util.ArrayList<>(List.of(sets, incs));
        shape.add(where == null ? "" : where);
        String sql = this.context.statements.get(metadata.schemaClass(), prefix, "updateAll", shape,
                () -> this.context.renderer
                    .render(new BulkUpdate(Table.of(prefix, metadata.source()), FieldSources.of(metadata, sets),
                            FieldSources.of(metadata, incs), FieldSources.json(mapping, sets), where)));
        return this.context.jdbc.update(sql, parameters);
    }

    private static Object cast(SchemaMetadata metadata, String field, Type type, @Nullable Object value) {
        CastResult<?> result = type.cast(value);
        if (!result.isOk() || result.value() == null) {
            String shown = metadata.redactFields().contains(field) ? "**redacted**" : "\"" + value + "\"";
            throw new InvalidDataAccessApiUsageException("value " + shown + " in updateAll cannot be cast to type "
                    + type + " of :" + field + " on " + metadata.schemaClass().getSimpleName());
        }
        return result.value();
    }

}
