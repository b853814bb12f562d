package io.schemaspring.repo;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Delete;
import io.schemaspring.repo.internal.sql.OrderTerm;
import io.schemaspring.repo.internal.sql.Select;
import io.schemaspring.repo.internal.sql.SqlRenderer;
import io.schemaspring.repo.internal.sql.Table;
import io.schemaspring.type.CastResult;
import io.schemaspring.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Query} into a rendered SELECT, DELETE or COUNT with its parameters. The SQL
 * text is cached by the query's shape (fields, operators, list sizes, paging, prefix), so a
 * query run again only binds new values.
 */
final class QueryCompiler {

    record Compiled(String sql, Parameters parameters) {
    }

    private record Shape(Class<?> schema, @Nullable String prefix, List<Object> filters, List<Query.Order> orders,
            boolean limit, boolean offset, Select.Projection projection, boolean delete) {
    }

    private final SqlRenderer renderer;
    private final Map<Shape, String> cache = new ConcurrentHashMap<>();

    QueryCompiler(SqlRenderer renderer) {
        this.renderer = renderer;
    }

    Compiled select(Query<?> query, SchemaMapping mapping, @Nullable String prefix, Select.Projection projection) {
        Parameters parameters = filterParameters(query, mapping);
        boolean limit = query.limit() != null && projection == Select.Projection.COLUMNS;
        boolean offset = query.offset() != null && projection == Select.Projection.COLUMNS;
        boolean offsetFirst = this.renderer.dialect().limitClause().offsetFirst();
        if (offset && offsetFirst) {
            parameters.addPlain(query.offset());
        }
        if (limit) {
            parameters.addPlain(query.limit());
        }
        if (offset && !offsetFirst) {
            parameters.addPlain(query.offset());
        }
        Shape shape = new Shape(query.schema(), prefix, shapeOf(query), projection == Select.Projection.COLUMNS
                ? query.orders() : List.of(), limit, offset, projection, false);
        String sql = this.cache.computeIfAbsent(shape, key -> {
            Table table = Table.of(prefix, mapping.metadata().source());
            Select select = Select.columns(table, mapping.queryColumns().stream().map(Column::of).toList())
                    .where(where(query, mapping))
                    .paged(limit, offset)
                    .project(projection);
            if (projection == Select.Projection.COLUMNS) {
                select = select.orderBy(query.orders().stream().map(order -> new OrderTerm(
                        Column.of(column(mapping, order.field())), order.direction() == Query.Direction.DESC)).toList());
            }
            return this.renderer.render(select);
        });
        return new Compiled(sql, parameters);
    }

    Compiled delete(Query<?> query, SchemaMapping mapping, @Nullable String prefix) {
        Parameters parameters = filterParameters(query, mapping);
        Shape shape = new Shape(query.schema(), prefix, shapeOf(query), List.of(), false, false,
                Select.Projection.COLUMNS, true);
        String sql = this.cache.computeIfAbsent(shape, key -> this.renderer.render(
                new Delete(Table.of(prefix, mapping.metadata().source()), where(query, mapping))));
        return new Compiled(sql, parameters);
    }

    private static List<Object> shapeOf(Query<?> query) {
        List<Object> shape = new ArrayList<>();
        for (Query.Filter filter : query.filters()) {
            shape.add(filter.field());
            shape.add(filter.kind());
            shape.add(filter.op());
            shape.add(filter.kind() == Query.Filter.Kind.IN ? filter.values().size() : 0);
        }
        return shape;
    }

    private static @Nullable Condition where(Query<?> query, SchemaMapping mapping) {
        if (query.filters().isEmpty()) {
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        for (Query.Filter filter : query.filters()) {
            Column column = Column.of(column(mapping, filter.field()));
            conditions.add(switch (filter.kind()) {
                case COMPARE -> new Condition.Compare(column, Condition.Operator.valueOf(filter.op().name()));
                case IN -> filter.values().isEmpty() ? new Condition.Never() : new Condition.In(column, filter.values().size());
                case IS_NULL -> new Condition.IsNull(column, false);
                case IS_NOT_NULL -> new Condition.IsNull(column, true);
            });
        }
        return Condition.and(conditions);
    }

    private static Parameters filterParameters(Query<?> query, SchemaMapping mapping) {
        Parameters parameters = new Parameters();
        SchemaMetadata metadata = mapping.metadata();
        for (Query.Filter filter : query.filters()) {
            column(mapping, filter.field());
            Type type = metadata.type(filter.field());
            for (Object value : filter.values()) {
                Object cast = filter.op() == Query.Op.LIKE ? value : cast(metadata, filter.field(), type, value);
                parameters.add(mapping.codec(filter.field()), cast);
            }
        }
        return parameters;
    }

    /** Query values are cast to the field's type, as Ecto casts interpolated values. */
    static Object cast(SchemaMetadata metadata, String field, Type type, Object value) {
        CastResult<?> result = type.cast(value);
        if (!result.isOk() || result.value() == null) {
            throw new InvalidDataAccessApiUsageException("value " + describe(metadata, field, value) + " in query cannot be cast to type "
                    + type + " of :" + field + " on " + metadata.schemaClass().getSimpleName());
        }
        return result.value();
    }

    private static String describe(SchemaMetadata metadata, String field, Object value) {
        return metadata.redactFields().contains(field) ? "**redacted**" : "\"" + value + "\"";
    }

    private static String column(SchemaMapping mapping, String field) {
        String column = mapping.metadata().fieldSource(field);
        if (column == null) {
            throw mapping.unknownField(field);
        }
        return column;
    }

    /** The WHERE of a query's filters, for statements rendered elsewhere ({@code updateAll}). */
    static @Nullable Condition condition(Query<?> query, SchemaMapping mapping) {
        return where(query, mapping);
    }

    /** The parameters of a query's filters, cast to their fields' types. */
    static Parameters parameters(Query<?> query, SchemaMapping mapping) {
        return filterParameters(query, mapping);
    }

    /** What the SQL of a query's filters depends on, for statement caches. */
    static List<Object> shape(Query<?> query) {
        return shapeOf(query);
    }
}
