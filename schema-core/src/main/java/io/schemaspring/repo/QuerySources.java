package io.schemaspring.repo;

import io.schemaspring.query.Query;
import io.schemaspring.query.Value;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.Storage;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.CombinedSelect;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Join;
import io.schemaspring.repo.internal.sql.Select;
import io.schemaspring.repo.internal.sql.SqlRenderer;
import io.schemaspring.repo.internal.sql.Table;
import io.schemaspring.repo.internal.sql.ValuesList;
import io.schemaspring.metadata.SchemaMetadata;
import java.util.Map;
import io.schemaspring.repo.internal.sql.With;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * What every statement of a query reads from: its common table expressions, its table
 * (the schema's source or a common table expression), its joins, and the names its fields
 * resolve to.
 */
final class QuerySources {

    /**
     * The sources of one query.
     *
     * @param with its common table expressions, {@code null} for none
     * @param table its table, aliased when the query joins
     * @param plan its joins, {@code null} for none
     * @param fields how its field names resolve
     */
    record Source(@Nullable With with, Table table, @Nullable JoinPlan plan, QueryFields fields) {

        /** A select of these columns from the table, its joins and expressions. */
        Select select(List<Column> columns) {
            Select select = Select.columns(this.table, columns).with(this.with);
            for (Join join : joins()) {
                select = select.join(join);
            }
            return select;
        }

        List<Join> joins() {
            return this.plan == null ? List.of() : this.plan.joins();
        }

        /** What the SQL depends on, without a value: part of a statement cache key. */
        Key key() {
            return new Key(this.table, joins(), this.with);
        }

    }

    /** The value-free parts of a {@link Source}. */
    record Key(Table table, List<Join> joins, @Nullable With with) {
    }

    /**
     * The selects of a combined query and the set operator before each after the first.
     */
    record Members(List<Select> selects, List<String> operators) {
    }

    private final SchemaMappings mappings;

    private final ConditionCompiler conditions;

    private final SqlRenderer renderer;

    QuerySources(SchemaMappings mappings, ConditionCompiler conditions, SqlRenderer renderer) {
        this.mappings = mappings;
        this.conditions = conditions;
        this.renderer = renderer;
    }

    /**
     * The sources of a query read in {@code prefix}: the values of its common table
     * expressions go to {@code withParameters} (first in the SQL), those of its joins to
     * {@code parameters}.
     */
    Source of(Query<?> query, SchemaMapping mapping, @Nullable String prefix, Parameters withParameters,
            Parameters parameters) {
        return of(query, mapping, prefix, withParameters, parameters, "t");
    }

    /**
     * The sources of a subquery: its tables aliased with the prefix of its depth
     * ({@code s0}, {@code s1}, ...; {@code s2_0}, ... one level deeper), apart from those
     * of the queries it is part of, whose fields it may name.
     */
    Source ofSubquery(Query<?> query, SchemaMapping mapping, @Nullable String prefix, Parameters parameters,
            String aliasPrefix) {
        return of(query, mapping, prefix, parameters, parameters, aliasPrefix);
    }

    private Source of(Query<?> query, SchemaMapping mapping, @Nullable String prefix, Parameters withParameters,
            Parameters parameters, String aliasPrefix) {
        String root = aliasPrefix + "0";
        With with = with(query, withParameters);
        for (Query.Joined joined : query.joins()) {
            if (joined.lateral() && !this.renderer.dialect().supportsLateralJoin()) {
                throw new InvalidDataAccessApiUsageException(
                        this.renderer.dialect().name() + " has no LATERAL join: join :" + joined.path()
                                + " as a subquery without Expr.parent, " + "or filter with Expr.exists");
            }
            if (joined.kind() == Query.JoinKind.FULL && !this.renderer.dialect().supportsFullJoin()) {
                throw new InvalidDataAccessApiUsageException(
                        this.renderer.dialect().name() + " has no FULL JOIN: join :" + joined.path()
                                + " with leftJoin, and unionAll a query of the rows a rightJoin adds");
            }
        }
        Table table = query.subquery() != null
                ? Table.derived(derived(query.subquery(), query.prefix(), parameters, null), root)
                : query.valuesList() != null ? Table.values(values(query, mapping, parameters), root)
                        : query.fragment() != null ? Table.fragment(fragment(query, parameters), root)
                                : (query.cte() != null ? Table.of(null, query.cte())
                                        : Table.of(prefix, mapping.metadata().source()));
        JoinPlan joins = query.joins().isEmpty() ? null
                : JoinPlan.of(query, mapping, this.mappings, this.conditions, parameters, aliasPrefix);
        boolean derived = query.subquery() != null || query.valuesList() != null || query.fragment() != null;
        boolean aliased = joins != null || derived || ConditionCompiler.correlated(query.conditions());
        if (!derived) {
            table = table.as(aliased ? root : null);
        }
        return new Source(with, table, joins, joins != null ? joins : QueryFields.of(mapping, aliased ? root : null));
    }

    /**
     * {@link #of(Query, SchemaMapping, String, Parameters, Parameters)}, values in order.
     */
    Source of(Query<?> query, SchemaMapping mapping, @Nullable String prefix, Parameters parameters) {
        return of(query, mapping, prefix, parameters, parameters);
    }

    /**
     * The select of a subquery source: its rows with their order and paging, read in the
     * outer query's explicit prefix unless it names its own.
     */
    Select derived(Query<?> given, @Nullable String outerPrefix, Parameters parameters,
            @Nullable QueryFields lateralParent) {
        requireNoTake(given, "a subquery source");
        Query<?> query = given.prefix() == null && outerPrefix != null ? given.prefix(outerPrefix) : given;
        SchemaMapping mapping = this.mappings.mapping(query);
        String prefix = query.prefix() != null ? query.prefix() : mapping.metadata().prefix();
        Parameters sourceParameters = new Parameters();
        Source source = of(query, mapping, prefix, sourceParameters, sourceParameters, "d");
        QueryFields fields = lateralParent == null ? source.fields()
                : QueryFields.correlated(source.fields(), lateralParent);
        List<Column> columns = structColumns(query, mapping, source, null, parameters);
        parameters.addAll(sourceParameters);
        Condition where = this.conditions.compile(query.conditions(), fields, query.prefix(), parameters);
        boolean limit = query.limit() != null;
        boolean offset = query.offset() != null;
        paging(parameters, query, limit, offset);
        return source.select(columns)
            .where(where)
            .distinct(query.isDistinct())
            .orderBy(QueryCompiler.orderTerms(QueryCompiler.orders(query, mapping.metadata()), source.fields()))
            .paged(limit, offset);
    }

    /**
     * The columns of a query's structs: each query column of its table, or the value
     * {@code selectMerge} gives its field, computed under the column's name (its
     * parameters go to {@code parameters}: the select list comes before the rest); only
     * those of {@code taken} ({@link #taken(Query, SchemaMapping)}) when it is given.
     */
    List<Column> structColumns(Query<?> query, SchemaMapping mapping, Source source, int @Nullable [] taken,
            Parameters parameters) {
        List<Column> columns = mapping.queryColumns().stream().map(source.table()::column).toList();
        if (query.merges().isEmpty()) {
            return taken == null ? columns : java.util.Arrays.stream(taken).mapToObj(columns::get).toList();
        }
        SchemaMetadata metadata = mapping.metadata();
        for (String field : query.merges().keySet()) {
            if (!metadata.queryFields().contains(field)) {
                throw mapping.unknownField(field);
            }
        }
        List<Column> merged = new ArrayList<>(columns);
        for (int i = 0; i < columns.size(); i++) {
            String field = metadata.queryFields().get(i);
            Value value = query.merges().get(field);
            if (value != null) {
                merged.set(i, Column.computed(columns.get(i).name(),
                        merged(mapping, field, value, source.fields(), parameters)));
            }
        }
        return taken == null ? merged : java.util.Arrays.stream(taken).mapToObj(merged::get).toList();
    }

    /**
     * The indexes among the query columns of the fields a query takes (and those it
     * merges), in column order; {@code null} when it reads every field.
     */
    static int @Nullable [] taken(Query<?> query, SchemaMapping mapping) {
        if (query.taken().isEmpty()) {
            return null;
        }
        List<String> fields = mapping.metadata().queryFields();
        java.util.Set<String> names = new java.util.HashSet<>(query.taken());
        names.addAll(query.merges().keySet());
        for (String name : names) {
            if (!fields.contains(name)) {
                throw mapping.unknownField(name);
            }
        }
        return java.util.stream.IntStream.range(0, fields.size()).filter(i -> names.contains(fields.get(i))).toArray();
    }

    private Condition merged(SchemaMapping mapping, String field, Value value, QueryFields fields,
            Parameters parameters) {
        if (!(value instanceof Value.Bound bound)) {
            return this.conditions.values().value(value, fields, parameters);
        }
        SchemaMetadata metadata = mapping.metadata();
        parameters.add(mapping.codec(field),
                UpdateChanges.cast(metadata, field, metadata.type(field), bound.value(), "selectMerge"));
        String marker = this.renderer.dialect()
            .selectedParameter(this.renderer.dialect().storage(metadata.type(field)));
        int at = marker.indexOf('?');
        return new Condition.Computed(List.of(marker.substring(0, at), marker.substring(at + 1)),
                List.of(new Condition.Parameter()));
    }

    /**
     * The rows of {@code Query.values} as a table of the schema's query columns: a bound
     * value, cast to its field's type, for each field the rows name, NULL for the others.
     */
    ValuesList values(Query<?> query, SchemaMapping mapping, Parameters parameters) {
        SchemaMetadata metadata = mapping.metadata();
        List<Map<String, Object>> rows = query.valuesList();
        java.util.Set<String> named = rows.get(0).keySet();
        for (String field : named) {
            if (!metadata.queryFields().contains(field)) {
                throw mapping.unknownField(field);
            }
        }
        List<String> given = metadata.queryFields().stream().filter(named::contains).toList();
        for (Map<String, Object> row : rows) {
            for (String field : given) {
                Object value = row.get(field);
                parameters.add(mapping.codec(field), value == null ? null
                        : UpdateChanges.cast(metadata, field, metadata.type(field), value, "Query.values"));
            }
        }
        return new ValuesList(mapping.queryColumns(),
                metadata.queryFields().stream().map(field -> marker(metadata, field, named.contains(field))).toList(),
                rows.size());
    }

    /**
     * Refuses {@code selectMerge} where the query's rows are read as the table's columns.
     */
    static void requireNoTake(Query<?> query, String where) {
        if (query.tableName() != null) {
            throw new InvalidDataAccessApiUsageException("table \"" + query.tableName() + "\" has no schema, so no "
                    + "columns of its own for " + where + " to read: join it by a condition, or read it with take in "
                    + "a query of its own; " + query);
        }
        if (!query.taken().isEmpty()) {
            throw new InvalidDataAccessApiUsageException("take reads part of each struct; " + where
                    + " reads every column: take in the outer query; " + query);
        }
    }

    static void requireNoMerge(Query<?> query, String where) {
        if (!query.merges().isEmpty()) {
            throw new InvalidDataAccessApiUsageException("selectMerge changes the structs a query answers; " + where
                    + " reads the table's columns: " + "merge in the outer query; " + query);
        }
    }

    /** The SQL of {@code Query.fromFragment}, its values bound in order. */
    static Condition.Fragment fragment(Query<?> query, Parameters parameters) {
        return ConditionCompiler.fragment(query.fragment(), new QueryFields() {

            @Override
            public QueryFields.Resolved resolve(String name) {
                throw new InvalidDataAccessApiUsageException("a fragment source reads no fields, got :" + name);
            }

            @Override
            public QueryFields.Struct struct(@Nullable String path) {
                throw new InvalidDataAccessApiUsageException("a fragment source reads no structs");
            }

        }, parameters);
    }

    private String marker(SchemaMetadata metadata, String field, boolean named) {
        Dialect dialect = this.renderer.dialect();
        Storage storage = dialect.storage(metadata.type(field));
        return named ? dialect.selectedParameter(storage) : dialect.selectedNull(storage);
    }

    /**
     * The limit and offset parameters, in the order the dialect's paging clause takes
     * them.
     */
    void paging(Parameters parameters, Query<?> query, boolean limit, boolean offset) {
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
    }

    /**
     * The rows of a plain query: its schema's query columns, conditions, joins and
     * distinct.
     */
    Select rows(Query<?> query, SchemaMapping mapping, @Nullable String prefix, Parameters parameters) {
        requireNoMerge(query, "a common table expression or a set operation");
        requireNoTake(query, "a common table expression or a set operation");
        if (query.valuesList() != null || query.fragment() != null) {
            throw new InvalidDataAccessApiUsageException("a values list or a fragment is read as a source or a join, "
                    + "not as a common table expression or a member of a set operation; " + query);
        }
        Source source = of(query, mapping, prefix, parameters);
        Condition where = this.conditions.compile(query.conditions(), source.fields(), query.prefix(), parameters);
        return source.select(mapping.queryColumns().stream().map(source.table()::column).toList())
            .where(where)
            .distinct(query.isDistinct());
    }

    /**
     * The selects of a query combined by set operators: each reads in the outer query's
     * explicit prefix unless it names its own, for its joins and subqueries too.
     */
    Members members(Query<?> query, SchemaMapping mapping, @Nullable String prefix, Parameters parameters) {
        List<Select> selects = new ArrayList<>();
        selects.add(rows(query.exclude(Query.Part.WITH), mapping, prefix, parameters));
        List<String> operators = new ArrayList<>();
        for (Query.Combination combination : query.combinations()) {
            Query<?> given = combination.query();
            Query<?> other = given.prefix() == null && query.prefix() != null ? given.prefix(query.prefix()) : given;
            if (!other.ctes().isEmpty()) {
                throw new InvalidDataAccessApiUsageException(
                        "the other query of " + combination.operation().name().toLowerCase(Locale.ROOT)
                                + " takes no common table expression: give it to the outer query; " + other);
            }
            selects.add(rows(other, mapping, other.prefix() != null ? other.prefix() : prefix, parameters));
            String operator = combination.operation().name().replace('_', ' ');
            if (!this.renderer.dialect().supportsSetOperator(operator)) {
                throw new InvalidDataAccessApiUsageException(
                        this.renderer.dialect().name() + " has no " + operator
                                + (operator.endsWith(" ALL") ? ": use "
                                        + operator.substring(0, operator.indexOf(' ')).toLowerCase(Locale.ROOT)
                                        + ", which answers each row once" : ""));
            }
            operators.add(operator);
        }
        return new Members(selects, operators);
    }

    /**
     * The common table expressions of a query, each the columns of its query's schema;
     * each query reads in the outer query's explicit prefix unless it names its own.
     */
    @Nullable With with(Query<?> query, Parameters parameters) {
        if (query.ctes().isEmpty()) {
            return null;
        }
        List<With.Cte> ctes = new ArrayList<>();
        for (Query.Cte cte : query.ctes()) {
            Query<?> given = cte.query();
            if (!given.orders().isEmpty() || given.limit() != null || given.offset() != null
                    || !given.preloads().isEmpty() || given.lock() != null || !given.ctes().isEmpty()) {
                throw new InvalidDataAccessApiUsageException("common table expression " + cte.name()
                        + " takes conditions, joins, distinct and set operations, not order, paging, preloads, "
                        + "lock or common table expressions of its own (give those to the outer query): " + given);
            }
            Query<?> body = given.prefix() == null && query.prefix() != null ? given.prefix(query.prefix()) : given;
            SchemaMapping mapping = this.mappings.mapping(body);
            String prefix = body.prefix() != null ? body.prefix() : mapping.metadata().prefix();
            Object statement;
            if (body.combinations().isEmpty()) {
                statement = rows(body, mapping, prefix, parameters);
            }
            else {
                Members members = members(body, mapping, prefix, parameters);
                statement = new CombinedSelect(members.selects(), members.operators(), List.of(), false, false,
                        Select.Projection.COLUMNS, null);
            }
            ctes.add(new With.Cte(cte.name(), mapping.queryColumns(), statement));
        }
        return new With(query.isRecursive(), ctes);
    }

}
