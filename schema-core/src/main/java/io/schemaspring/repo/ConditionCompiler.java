package io.schemaspring.repo;

import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.query.Value;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Select;
import io.schemaspring.repo.internal.sql.SqlRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Turns the {@link Expr} conditions of a query into the statement model's
 * {@link Condition}, casting and collecting their values in the order the SQL binds them.
 * The condition carries no value, so it is part of the SQL cache key.
 */
final class ConditionCompiler {

    private final SchemaMappings mappings;

    private final QuerySources sources;

    private final ValueCompiler values;

    ConditionCompiler(SchemaMappings mappings, SqlRenderer renderer) {
        this.mappings = mappings;
        this.sources = new QuerySources(mappings, this, renderer);
        this.values = new ValueCompiler(renderer.dialect(), this);
    }

    /** The compiler of computed values, in conditions and selects. */
    ValueCompiler values() {
        return this.values;
    }

    /**
     * Whether a subquery among the conditions names a field of the query
     * ({@link Expr#parent(String)}): the query's table then takes an alias, so that its
     * columns are told apart from the subquery's.
     */
    static boolean correlated(List<Expr> conditions) {
        return conditions.stream().anyMatch(ConditionCompiler::correlates);
    }

    private static boolean correlates(Expr expr) {
        if (expr instanceof Expr.InQuery in) {
            return namesParent(in.query().conditions());
        }
        if (expr instanceof Expr.Exists exists) {
            return namesParent(exists.query().conditions());
        }
        if (expr instanceof Expr.And and) {
            return correlated(and.exprs());
        }
        if (expr instanceof Expr.Or or) {
            return correlated(or.exprs());
        }
        return expr instanceof Expr.Not not && correlates(not.expr());
    }

    private static boolean namesParent(List<Expr> conditions) {
        for (Expr expr : conditions) {
            if (expr instanceof Expr.Compare compare && compare.value() instanceof Expr.Parent
                    || expr instanceof Expr.And and && namesParent(and.exprs())
                    || expr instanceof Expr.Or or && namesParent(or.exprs())
                    || expr instanceof Expr.Not not && namesParent(List.of(not.expr()))) {
                return true;
            }
        }
        return false;
    }

    /** The sources of queries whose conditions this compiles. */
    QuerySources sources() {
        return this.sources;
    }

    /**
     * The conditions joined with AND, or null when there are none. {@code outerPrefix} is
     * the explicit prefix of the query, which its subqueries inherit.
     */
    @Nullable Condition compile(List<Expr> conditions, QueryFields fields, @Nullable String outerPrefix, Parameters parameters) {
        if (conditions.isEmpty()) {
            return null;
        }
        List<Condition> compiled = new ArrayList<>();
        for (Expr expr : conditions) {
            compiled.add(compile(expr, fields, outerPrefix, parameters));
        }
        return Condition.and(compiled);
    }

    private Condition compile(Expr expr, QueryFields fields, @Nullable String outerPrefix, Parameters parameters) {
        if (expr instanceof Expr.Compare compare && compare.value() instanceof Expr.Parent parent) {
            if (!(fields instanceof QueryFields.Correlated correlated)) {
                throw new InvalidDataAccessApiUsageException("Expr.parent(\"" + parent.name()
                        + "\") names the field of the query a subquery is part of: use it inside Expr.exists or "
                        + "Expr.in");
            }
            Column outer = correlated.parent().resolve(parent.name()).column();
            if (outer.tableAlias() == null) {
                throw new InvalidDataAccessApiUsageException("Expr.parent(\"" + parent.name()
                        + "\") is built in the conditions of a query, its joins and updateAll/deleteAll; "
                        + "not in a preload query, a select value or having");
            }
            return new Condition.Columns(fields.resolve(compare.field()).column(),
                    Condition.Operator.valueOf(compare.op().name()), outer);
        }
        if (expr instanceof Expr.Compare compare && compare.value() instanceof Value) {
            return this.values.compare(compare.field(), compare.op(), compare.value(), fields, parameters);
        }
        if (expr instanceof Expr.ValueCompare compare) {
            return this.values.compare(compare.left(), compare.op(), compare.right(), fields, parameters);
        }
        if (expr instanceof Expr.Compare compare && compare.value() instanceof Expr.Field other) {
            if (compare.op() == Query.Op.ILIKE) {
                throw new InvalidDataAccessApiUsageException(
                        "ilike compares a field with a pattern value, not with the field " + other.name());
            }
            return new Condition.Columns(fields.resolve(compare.field()).column(),
                    Condition.Operator.valueOf(compare.op().name()), fields.resolve(other.name()).column());
        }
        if (expr instanceof Expr.Compare compare) {
            QueryFields.Resolved field = fields.resolve(compare.field());
            boolean pattern = compare.op() == Query.Op.LIKE || compare.op() == Query.Op.ILIKE;
            parameters.add(field.codec(), pattern ? compare.value() : cast(field, compare.value()));
            return new Condition.Compare(field.column(), Condition.Operator.valueOf(compare.op().name()));
        }
        if (expr instanceof Expr.In in) {
            QueryFields.Resolved field = fields.resolve(in.field());
            in.values().forEach(value -> parameters.add(field.codec(), cast(field, value)));
            return in.values().isEmpty() ? new Condition.Never() : new Condition.In(field.column(), in.values().size());
        }
        if (expr instanceof Expr.IsNull isNull) {
            return new Condition.IsNull(fields.resolve(isNull.field()).column(), isNull.negated());
        }
        if (expr instanceof Expr.And and) {
            return group(and.exprs(), fields, outerPrefix, parameters, false);
        }
        if (expr instanceof Expr.Or or) {
            return group(or.exprs(), fields, outerPrefix, parameters, true);
        }
        if (expr instanceof Expr.Not not) {
            return new Condition.Not(compile(not.expr(), fields, outerPrefix, parameters));
        }
        if (expr instanceof Expr.Sql sql) {
            return fragment(sql, fields, parameters);
        }
        if (expr instanceof Expr.InQuery in) {
            Column column = fields.resolve(in.field()).column();
            return new Condition.InSelect(column, subquery(in.query(), in.selected(), outerPrefix, parameters, fields));
        }
        Expr.Exists exists = (Expr.Exists) expr;
        return new Condition.Exists(subquery(exists.query(), null, outerPrefix, parameters, fields));
    }

    private Condition group(List<Expr> exprs, QueryFields fields, @Nullable String outerPrefix, Parameters parameters,
            boolean or) {
        List<Condition> compiled = new ArrayList<>();
        for (Expr expr : exprs) {
            compiled.add(compile(expr, fields, outerPrefix, parameters));
        }
        if (compiled.size() == 1) {
            return compiled.get(0);
        }
        return or ? new Condition.Or(compiled) : new Condition.And(compiled);
    }

    static Condition.Fragment fragment(Expr.Sql sql, QueryFields fields, Parameters parameters) {
        List<Optional<Column>> arguments = new ArrayList<>();
        for (Object argument : sql.args()) {
            if (argument instanceof Expr.Field field) {
                arguments.add(Optional.of(fields.resolve(field.name()).column()));
            }
            else {
                parameters.addPlain(argument);
                arguments.add(Optional.empty());
            }
        }
        return new Condition.Fragment(sql.parts()
            .stream()
            .map(part -> part.replace(Expr.Sql.LITERAL_QUESTION_MARK, Condition.LITERAL_QUESTION_MARK))
            .toList(), arguments);
    }

    /**
     * The SELECT of a subquery: one field (of a joined association too), or {@code 1} for
     * EXISTS; it inherits the outer query's explicit prefix. Its joins have aliases of
     * their own, which shadow the outer query's.
     */
    private Select subquery(Query<?> query, @Nullable String selected, @Nullable String outerPrefix,
            Parameters parameters, QueryFields parent) {
        if (!query.orders().isEmpty() || query.limit() != null || query.offset() != null || !query.preloads().isEmpty()
                || query.lock() != null || !query.combinations().isEmpty() || !query.merges().isEmpty()
                || !query.taken().isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    "a subquery takes conditions, joins, distinct and prefix only, "
                            + "not orderBy, limit, offset, preload, lock, union, selectMerge or take: " + query);
        }
        SchemaMapping mapping = this.mappings.mapping(query);
        String explicit = query.prefix() != null ? query.prefix() : outerPrefix;
        String prefix = explicit != null ? explicit : mapping.metadata().prefix();
        int depth = QueryFields.depthOf(parent) + 1;
        QuerySources.Source source = this.sources.ofSubquery(explicit == null ? query : query.prefix(explicit), mapping,
                prefix, parameters, depth == 1 ? "s" : "s" + depth + "_");
        List<Column> columns = selected == null ? List.of() : List.of(source.fields().resolve(selected).column());
        Condition where = compile(query.conditions(), QueryFields.correlated(source.fields(), parent), explicit,
                parameters);
        return source.select(columns)
            .where(where)
            .distinct(query.isDistinct())
            .project(selected == null ? Select.Projection.ONE : Select.Projection.COLUMNS);
    }

    private static Object cast(QueryFields.Resolved field, Object value) {
        return QueryCompiler.cast(field.mapping().metadata(), field.field(), field.type(), value);
    }

}
