package io.schemaspring.repo;

import io.schemaspring.query.Aggregate;
import io.schemaspring.query.Expr;
import io.schemaspring.query.Lock;
import io.schemaspring.query.Over;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.query.Value;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.dialect.RowLock;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.CombinedSelect;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Delete;
import io.schemaspring.repo.internal.sql.With;
import io.schemaspring.repo.internal.sql.OrderTerm;
import io.schemaspring.repo.internal.sql.ProjectedSelect;
import io.schemaspring.repo.internal.sql.Select;
import io.schemaspring.repo.internal.sql.SqlRenderer;
import io.schemaspring.repo.internal.sql.Table;
import io.schemaspring.repo.internal.sql.WindowSpec;
import io.schemaspring.type.Type;
import java.util.function.Function;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link Query} into a rendered SELECT, DELETE or COUNT with its parameters. The
 * SQL text is cached by the query's shape (fields, operators, list sizes, paging,
 * prefix), so a query run again only binds new values.
 */
final class QueryCompiler {

    /**
     * A statement's SQL and parameters, and the joined structs it selects after the
     * query's own columns ({@link Query#preloadJoined(String...)}), in their order.
     */
    record Compiled(String sql, Parameters parameters, List<QueryFields.Struct> joinedStructs, int @Nullable [] taken) {

        Compiled(String sql, Parameters parameters) {
            this(sql, parameters, List.of(), null);
        }

    }

    private record Shape(Class<?> schema, Object prefix, @Nullable Condition where, List<Query.Order> orders,
            boolean limit, boolean offset, Select.Projection projection, boolean delete, boolean distinct,
            @Nullable Lock lock, QuerySources.Key source, @Nullable Column field, List<String> joinedPreloads,
            List<Column> merged) {

        Shape(Class<?> schema, Object prefix, @Nullable Condition where, List<Query.Order> orders, boolean limit,
                boolean offset, Select.Projection projection, boolean delete, boolean distinct, @Nullable Lock lock,
                QuerySources.Key source) {
            this(schema, prefix, where, orders, limit, offset, projection, delete, distinct, lock, source, null,
                    List.of(), List.of());
        }

        Shape withField(Column field) {
            return new Shape(this.schema, this.prefix, this.where, this.orders, this.limit, this.offset,
                    this.projection, this.delete, this.distinct, this.lock, this.source, field, this.joinedPreloads,
                    this.merged);
        }

        Shape withJoinedPreloads(List<String> paths) {
            return new Shape(this.schema, this.prefix, this.where, this.orders, this.limit, this.offset,
                    this.projection, this.delete, this.distinct, this.lock, this.source, this.field, paths,
                    this.merged);
        }
    }

    private final SqlRenderer renderer;

    private final ConditionCompiler conditions;

    private final SchemaMappings mappings;

    private final StatementCache statements;

    /**
     * A projection's SQL, parameters, and the field each selected value comes from
     * ({@code null} for {@code count()}).
     */
    record CompiledProjection(String sql, Parameters parameters, List<QueryFields.@Nullable Resolved> fields,
            List<QueryFields.@Nullable Struct> structs) {
    }

    private record ProjectionShape(Class<?> schema, Object prefix, @Nullable Condition where,
            @Nullable Condition having, List<ProjectedSelect.Item> items, List<Condition> groupBy,
            List<ProjectedSelect.Order> orders, boolean limit, boolean offset, boolean distinct,
            QuerySources.Key source, List<Map.Entry<String, WindowSpec>> windows) {
    }

    /**
     * Compiled SQL goes into the repository's one bounded statement cache, keyed by each
     * query's shape.
     */
    QueryCompiler(SqlRenderer renderer, SchemaMappings mappings, StatementCache statements) {
        this.renderer = renderer;
        this.statements = statements;
        this.conditions = new ConditionCompiler(mappings, renderer);
        this.mappings = mappings;
    }

    Compiled select(Query<?> query, SchemaMapping mapping, @Nullable String prefix, Select.Projection projection) {
        if (projection == Select.Projection.COLUMNS || query.isDistinct()) {
            requireSelected(query, mapping);
        }
        if (!query.combinations().isEmpty()) {
            return combined(query, mapping, prefix, projection);
        }
        boolean columns = projection == Select.Projection.COLUMNS;
        boolean merges = columns && !query.merges().isEmpty();
        Parameters parameters = new Parameters();
        Parameters sourceParameters = merges ? new Parameters() : parameters;
        QuerySources.Source source = sources().of(query, mapping, prefix, parameters, sourceParameters);
        QueryFields fields = source.fields();
        int[] taken = columns ? QuerySources.taken(query, mapping) : null;
        List<Column> selected = new ArrayList<>(
                columns ? sources().structColumns(query, mapping, source, taken, parameters)
                        : mapping.queryColumns().stream().map(source.table()::column).toList());
        if (merges) {
            parameters.addAll(sourceParameters);
        }
        Condition where = this.conditions.compile(query.conditions(), fields, query.prefix(), parameters);
        boolean limit = query.limit() != null && columns;
        boolean offset = query.offset() != null && columns;
        addPaging(parameters, query, limit, offset);
        Lock lock = columns ? query.lock() : null;
        List<Query.Order> orders = columns ? orders(query, mapping.metadata()) : List.of();
        List<String> joinedPreloads = columns ? query.joinedPreloads() : List.of();
        List<QueryFields.Struct> joinedStructs = new ArrayList<>();
        for (String path : joinedPreloads) {
            QueryFields.Struct struct = fields.struct(query.joinedPreloadJoin(path));
            joinedStructs.add(struct);
            struct.mapping().queryColumns().forEach(column -> selected.add(new Column(struct.alias(), column)));
        }
        Shape shape = new Shape(query.schema(), prefixes(query, prefix), where, orders, limit, offset, projection,
                false, query.isDistinct(), lock, source.key(), null, List.of(),
                merges || !query.taken().isEmpty() ? selected : List.of())
            .withJoinedPreloads(
                    joinedPreloads.stream().map(path -> path + "=" + query.joinedPreloadJoin(path)).toList());
        String sql = this.statements.get(mapping.metadata(), prefix, "select", shape, () -> {
            Select select = source.select(selected)
                .where(where)
                .paged(limit, offset)
                .distinct(query.isDistinct())
                .lock(lock == null ? null : RowLock.of(lock))
                .project(projection);
            if (columns) {
                select = select.orderBy(orderTerms(orders, fields));
            }
            return this.renderer.render(select);
        });
        return new Compiled(sql, parameters, joinedStructs, taken);
    }

    QuerySources sources() {
        return this.conditions.sources();
    }

    ValueCompiler values() {
        return this.conditions.values();
    }

    /**
     * A query combined with others by {@code union}, {@code intersect} or {@code except}:
     * each query's columns, conditions, joins and distinct, then the outer query's order
     * (by the schema's fields, unqualified: output columns) and paging over the combined
     * rows.
     */
    private Compiled combined(Query<?> query, SchemaMapping mapping, @Nullable String prefix,
            Select.Projection projection) {
        String operation = query.combinations().get(0).operation().name().toLowerCase(Locale.ROOT);
        if (query.lock() != null) {
            throw new InvalidDataAccessApiUsageException(
                    "a lock cannot apply to the rows of " + operation + ": lock them with a plain query; " + query);
        }
        if (projection != Select.Projection.COLUMNS && projection != Select.Projection.COUNT
                && projection != Select.Projection.EXISTS) {
            throw new InvalidDataAccessApiUsageException(
                    "the rows of " + operation + " are read with all, one, stream, count or exists; " + query);
        }
        Parameters parameters = new Parameters();
        With with = sources().with(query, parameters);
        QuerySources.Members members = sources().members(query, mapping, prefix, parameters);
        boolean columns = projection == Select.Projection.COLUMNS;
        List<OrderTerm> order = new ArrayList<>();
        if (columns) {
            for (Query.Order term : orders(query, mapping.metadata())) {
                if (term.field().contains(".") && !term.fromSort()) {
                    throw new InvalidDataAccessApiUsageException("the rows of " + operation
                            + " are ordered by the schema's own fields, not by :" + term.field() + "; " + query);
                }
                order.add(new OrderTerm(Column.of(resolve(QueryFields.of(mapping), term).column().name()),
                        term.direction() == Query.Direction.DESC));
            }
        }
        boolean limit = columns && query.limit() != null;
        boolean offset = columns && query.offset() != null;
        addPaging(parameters, query, limit, offset);
        CombinedSelect combined = new CombinedSelect(members.selects(), members.operators(), order, limit, offset,
                projection, with);
        String sql = this.statements.get(mapping.metadata(), prefix, "combined", combined,
                () -> this.renderer.render(combined));
        return new Compiled(sql, parameters);
    }

    /**
     * Refuses a combined query where only a plain one is built, rather than reading the
     * rows of its first query alone.
     */
    static void requireNoCombination(Query<?> query, String action) {
        if (!query.combinations().isEmpty()) {
            throw new InvalidDataAccessApiUsageException(action + " of a query combined by "
                    + query.combinations().get(0).operation().name().toLowerCase(Locale.ROOT)
                    + " is not built: read its structs with all, one or stream, or count them; " + query);
        }
    }

    /**
     * The query's ordering terms with a primary-key term ({@code first}, {@code last},
     * {@code reverseOrder}) spelled out as the schema's key fields.
     */
    static List<Query.Order> orders(Query<?> query, SchemaMetadata schema) {
        List<Query.Order> given = query.orders();
        if (given.stream().noneMatch(Query.Order::byPrimaryKey)) {
            return given;
        }
        if (schema.primaryKey().isEmpty()) {
            throw new InvalidDataAccessApiUsageException(schema.schemaClass().getSimpleName()
                    + " has no primary key to order by: give first, last or reverseOrder a field, "
                    + "as in query.first(\"insertedAt\")");
        }
        List<Query.Order> orders = new ArrayList<>();
        for (Query.Order order : given) {
            if (order.byPrimaryKey()) {
                schema.primaryKey().forEach(key -> orders.add(new Query.Order(key, order.direction())));
            }
            else {
                orders.add(order);
            }
        }
        return orders;
    }

    static List<OrderTerm> orderTerms(List<Query.Order> orders, QueryFields fields) {
        return orders.stream()
            .map(order -> new OrderTerm(resolve(fields, order).column(), order.direction() == Query.Direction.DESC))
            .toList();
    }

    /**
     * The field an ordering term names; one from a {@code Sort} that the query cannot
     * order by is an {@link InvalidSortException}.
     */
    static QueryFields.Resolved resolve(QueryFields fields, Query.Order order) {
        try {
            return fields.resolve(order.field());
        }
        catch (InvalidDataAccessApiUsageException ex) {
            if (order.fromSort()) {
                throw new InvalidSortException(order.field(), ex.getMessage());
            }
            throw ex;
        }
    }

    /**
     * The limit and offset parameters, in the order the dialect's paging clause takes
     * them.
     */
    private void addPaging(Parameters parameters, Query<?> query, boolean limit, boolean offset) {
        sources().paging(parameters, query, limit, offset);
    }

    /**
     * {@code SELECT function(column) ...} of the query's rows; the field may be a joined
     * path.
     */
    Compiled aggregate(Query<?> query, SchemaMapping mapping, @Nullable String prefix, Aggregate aggregate,
            String field) {
        requireNoCombination(query, "aggregate");
        Parameters parameters = new Parameters();
        QuerySources.Source source = sources().of(query, mapping, prefix, parameters);
        QueryFields fields = source.fields();
        QueryFields.Resolved resolved = fields.resolve(field);
        Condition where = this.conditions.compile(query.conditions(), fields, query.prefix(), parameters);
        Select.Projection projection = aggregate == Aggregate.COUNT ? Select.Projection.COUNT_COLUMN
                : Select.Projection.valueOf(aggregate.name());
        // Ecto aggregates a limited or distinct query over it as a subquery, whose order
        // then matters for the limit.
        boolean limit = query.limit() != null;
        boolean offset = query.offset() != null;
        addPaging(parameters, query, limit, offset);
        List<Query.Order> orders = limit || offset ? orders(query, mapping.metadata()) : List.of();
        Shape shape = new Shape(query.schema(), prefixes(query, prefix), where, orders, limit, offset, projection,
                false, query.isDistinct(), null, source.key());
        String sql = this.statements.get(mapping.metadata(), prefix, "aggregate", shape.withField(resolved.column()),
                () -> this.renderer.render(source.select(List.of(resolved.column()))
                    .where(where)
                    .project(projection)
                    .distinct(query.isDistinct())
                    .paged(limit, offset)
                    .orderBy(orderTerms(orders, fields))));
        return new Compiled(sql, parameters);
    }

    /**
     * {@code SELECT items ... GROUP BY ... HAVING ...} of a projection; orders may name a
     * selected aggregate.
     */
    CompiledProjection projection(Query<?> query, SchemaMapping mapping, @Nullable String prefix,
            List<Selection> selections, List<String> groupBy, List<Expr> having, Map<String, Over> windows) {
        if (!query.merges().isEmpty() || !query.taken().isEmpty()) {
            throw new InvalidDataAccessApiUsageException("select names its values itself: select a computed value "
                    + "with Selection.of(value).as(component) rather than selectMerge, and its fields rather than "
                    + "take; " + query);
        }
        requireNoCombination(query, "select");
        // Parameters in the order of the SQL: the selected values' window frames, then
        // joins, conditions and having, then the WINDOW clause, then paging.
        Parameters withParameters = new Parameters();
        Parameters itemParameters = new Parameters();
        Parameters filterParameters = new Parameters();
        QuerySources.Source source = sources().of(query, mapping, prefix, withParameters, filterParameters);
        QueryFields fields = source.fields();
        Condition where = this.conditions.compile(query.conditions(), fields, query.prefix(), filterParameters);
        List<Condition> groupTerms = new ArrayList<>();
        for (String term : groupBy) {
            groupTerms.add(groupTerm(term, selections, fields, filterParameters));
        }
        Condition havingCondition = this.conditions.compile(having, fields, query.prefix(), filterParameters);
        Parameters windowParameters = new Parameters();
        Map<String, WindowSpec> windowSpecs = new LinkedHashMap<>();
        windows.forEach((name, over) -> windowSpecs.put(name, window(over, fields, query, windowParameters)));
        List<QueryFields.Resolved> resolved = new ArrayList<>();
        List<QueryFields.Struct> structs = new ArrayList<>();
        List<ProjectedSelect.Item> items = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (Selection selection : selections) {
            positions.add(items.size() + 1);
            if (selection.isStruct()) {
                QueryFields.Struct struct = fields.struct(selection.path());
                resolved.add(null);
                structs.add(struct);
                struct.mapping()
                    .queryColumns()
                    .forEach(column -> items
                        .add(new ProjectedSelect.Item(null, new Column(struct.alias(), column), false)));
                continue;
            }
            QueryFields.Resolved field = selection.path() != null ? fields.resolve(selection.path())
                    : selection.value() != null ? typedBy(selection.value(), fields) : null;
            resolved.add(field);
            structs.add(null);
            items.add(item(selection, field, fields, query, windows, itemParameters));
        }
        Parameters parameters = withParameters.addAll(itemParameters).addAll(filterParameters).addAll(windowParameters);
        boolean limit = query.limit() != null;
        boolean offset = query.offset() != null;
        addPaging(parameters, query, limit, offset);
        List<Condition> groupColumns = groupTerms;
        List<ProjectedSelect.Order> orders = new ArrayList<>();
        for (Query.Order order : orders(query, mapping.metadata())) {
            int position = 0;
            for (int i = 0; i < selections.size(); i++) {
                Selection selection = selections.get(i);
                if ((selection.aggregate() != null || selection.function() != null || selection.expression() != null
                        || selection.value() != null) && order.field().equals(selection.name())) {
                    position = positions.get(i);
                }
            }
            boolean descending = order.direction() == Query.Direction.DESC;
            orders.add(position > 0 ? new ProjectedSelect.Order(null, position, descending)
                    : new ProjectedSelect.Order(resolve(fields, order).column(), 0, descending));
        }
        ProjectionShape shape = new ProjectionShape(query.schema(), prefixes(query, prefix), where, havingCondition,
                items, groupColumns, orders, limit, offset, query.isDistinct(), source.key(),
                List.copyOf(windowSpecs.entrySet()));
        String sql = this.statements.get(mapping.metadata(), prefix, "projection", shape, () -> {
            Select base = source.select(List.of()).where(where).paged(limit, offset).distinct(query.isDistinct());
            return this.renderer
                .render(new ProjectedSelect(base, items, groupColumns, havingCondition, orders, windowSpecs));
        });
        return new CompiledProjection(sql, parameters, resolved, structs);
    }

    /**
     * A {@code GROUP BY} term: a field, or the value of the selection it names (Ecto's
     * {@code group_by: selected_as(:name)}), a computed one repeated with its parameters.
     */
    private Condition groupTerm(String term, List<Selection> selections, QueryFields fields, Parameters parameters) {
        for (Selection selection : selections) {
            if (term.equals(selection.name()) && selection.aggregate() == null && selection.function() == null
                    && !selection.isStruct()) {
                if (selection.value() != null) {
                    return this.conditions.values().value(selection.value(), fields, parameters);
                }
                if (selection.path() != null) {
                    return this.conditions.values().value(Value.field(selection.path()), fields, parameters);
                }
            }
        }
        return this.conditions.values().value(Value.field(term), fields, parameters);
    }

    /**
     * The field whose type a computed value has: the field an interval is added to, or
     * the first value of a coalesce; {@code null} when the value is typed by what it
     * fills.
     */
    private static QueryFields.@Nullable Resolved typedBy(Value value, QueryFields fields) {
        if (value instanceof Value.Field field) {
            return fields.resolve(field.name());
        }
        if (value instanceof Value.IntervalAdd add) {
            return typedBy(add.base(), fields);
        }
        if (value instanceof Value.Coalesce coalesce) {
            return typedBy(coalesce.values().get(0), fields);
        }
        return null;
    }

    Compiled delete(Query<?> query, SchemaMapping mapping, @Nullable String prefix) {
        return delete(query, mapping, prefix, false);
    }

    /**
     * One selected value: a field, an aggregate or a window function, with the window it
     * runs over (its frame's parameters added to {@code parameters}).
     */
    private ProjectedSelect.Item item(Selection selection, QueryFields.@Nullable Resolved field, QueryFields fields,
            Query<?> query, Map<String, Over> windows, Parameters parameters) {
        Column column = field == null ? null : field.column();
        if (selection.value() != null) {
            Condition value = this.conditions.values().value(selection.value(), fields, parameters);
            return selection.aggregate() == null ? ProjectedSelect.Item.of(value)
                    : new ProjectedSelect.Item(selection.aggregate().name(), null, false, 0, null, null, value, null);
        }
        if (selection.expression() != null) {
            return ProjectedSelect.Item
                .of(this.conditions.compile(List.of(selection.expression()), fields, query.prefix(), parameters));
        }
        if (selection.function() != null) {
            if (!selection.windowed()) {
                throw new InvalidDataAccessApiUsageException(
                        selection + " is a window function: give it a window with over(Over) or over(name)");
            }
            return new ProjectedSelect.Item(selection.function().name(), column, false, selection.offset(),
                    selection.over() == null ? null : window(selection.over(), fields, query, parameters),
                    windowName(selection, windows));
        }
        String aggregate = selection.aggregate() == null ? null : selection.aggregate().name();
        // The filter's parameters come before the window's, as in the SQL.
        Condition filter = selection.filter() == null ? null
                : this.conditions.compile(List.of(selection.filter()), fields, query.prefix(), parameters);
        if (!selection.windowed()) {
            return new ProjectedSelect.Item(aggregate, column, selection.distinct()).filtered(filter);
        }
        return new ProjectedSelect.Item(aggregate, column, false, 0,
                selection.over() == null ? null : window(selection.over(), fields, query, parameters),
                windowName(selection, windows))
            .filtered(filter);
    }

    private static @Nullable String windowName(Selection selection, Map<String, Over> windows) {
        String name = selection.window();
        if (name != null && !windows.containsKey(name)) {
            throw new InvalidDataAccessApiUsageException(selection + " runs over the window " + name
                    + ", which the projection does not name: add .window(\"" + name + "\", Over.window()...)"
                    + (windows.isEmpty() ? "" : "; it names " + windows.keySet()));
        }
        return name;
    }

    /** A window's partition, order and frame as columns and a fragment. */
    private WindowSpec window(Over over, QueryFields fields, Query<?> query, Parameters parameters) {
        List<Column> partition = over.partitionBy().stream().map(field -> fields.resolve(field).column()).toList();
        List<OrderTerm> order = orderTerms(over.orders(), fields);
        Condition frame = over.frame() == null ? null
                : this.conditions.compile(List.of(over.frame()), fields, query.prefix(), parameters);
        return new WindowSpec(partition, order, frame);
    }

    /**
     * The DELETE of the query's rows; {@code returning}: answering their query columns
     * ({@code deleteAllReturning}).
     */
    Compiled delete(Query<?> query, SchemaMapping mapping, @Nullable String prefix, boolean returning) {
        if (returning) {
            requireSelected(query, mapping);
        }
        Parameters parameters = new Parameters();
        Condition where = this.conditions.compile(query.conditions(), QueryFields.of(mapping), query.prefix(),
                parameters);
        Shape shape = new Shape(query.schema(), prefixes(query, prefix), where, List.of(), false, false,
                Select.Projection.COLUMNS, true, false, null,
                new QuerySources.Key(Table.of(prefix, mapping.metadata().source()), List.of(), null), null, List.of(),
                mapping.metadata().schemaless() ? mapping.queryColumns().stream().map(Column::of).toList() : List.of());
        String sql = this.statements.get(mapping.metadata(), prefix, returning ? "deleteReturning" : "delete", shape,
                () -> {
                    String delete = this.renderer
                        .render(new Delete(Table.of(prefix, mapping.metadata().source()), where));
                    return returning
                            ? this.renderer.renderReturning(delete, mapping.queryColumns(), true, "deleteAllReturning")
                            : delete;
                });
        return new Compiled(sql, parameters);
    }

    /**
     * The prefixes a statement's SQL depends on: the table's, and the query's own, since
     * joined tables take the query's prefix when it names one and their schemas' defaults
     * otherwise.
     */
    /**
     * A table without a schema has no columns of its own to read: its query names them,
     * as Ecto requires a select of queries without a schema.
     */
    static void requireSelected(Query<?> query, SchemaMapping mapping) {
        if (mapping.metadata().schemaless() && mapping.queryColumns().isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    "queries that do not have a schema need to select their " + "columns: take them (Query.table(\""
                            + query.tableName() + "\").take(\"id\", \"title\")) or select "
                            + "values (selectMap, select(Record.class, ...)); " + query);
        }
    }

    private static List<@Nullable String> prefixes(Query<?> query, @Nullable String prefix) {
        return java.util.Arrays.asList(prefix, query.prefix());
    }

    /** Query values are cast to the field's type, as Ecto casts interpolated values. */
    static Object cast(SchemaMetadata metadata, String field, Type type, Object value) {
        return UpdateChanges.cast(metadata, field, type, value, "query");
    }

    static String column(SchemaMapping mapping, String field) {
        String column = mapping.metadata().fieldSource(field);
        if (column == null) {
            throw mapping.unknownField(field);
        }
        return column;
    }

    /**
     * The WHERE of a query without joins, for statements rendered elsewhere
     * ({@code updateAll}), adding its values to {@code parameters}; the condition has no
     * values, so it can key a cache.
     */
    /**
     * Conditions on one schema's table outside a query (an upsert's), its columns
     * qualified by {@code alias}.
     */
    @Nullable Condition condition(List<Expr> conditions, SchemaMapping mapping, String alias, @Nullable String prefix,
            Parameters parameters) {
        if (ConditionCompiler.correlated(conditions)) {
            throw new InvalidDataAccessApiUsageException(
                    "Expr.parent reads an enclosing query: these conditions have none: " + conditions);
        }
        return this.conditions.compile(conditions, QueryFields.of(mapping, alias), prefix, parameters);
    }

    @Nullable Condition where(Query<?> query, SchemaMapping mapping, Parameters parameters) {
        return this.conditions.compile(query.conditions(), QueryFields.of(mapping), query.prefix(), parameters);
    }

}
