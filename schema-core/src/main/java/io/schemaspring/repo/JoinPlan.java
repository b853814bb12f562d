package io.schemaspring.repo;

import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.metadata.AssociationKind;
import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.JoinColumn;
import io.schemaspring.metadata.WhereCondition;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Condition;
import io.schemaspring.repo.internal.sql.Join;
import io.schemaspring.repo.internal.sql.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The joins of a query through its associations: each joined path gets a table alias
 * ({@code t0} is the queried schema, then {@code t1}, {@code t2}, ... in join order;
 * {@code s0}, {@code s1}, ... in a subquery, apart from the query it is part of) and
 * fields are named {@code "path.field"}. An association's {@code where} (and a
 * many-to-many's join-table {@code where}) is part of its join's ON, as in Ecto's
 * {@code assoc/2} joins.
 */
final class JoinPlan implements QueryFields {

    private final String aliasPrefix;

    private final String rootAlias;

    private record Source(String alias, SchemaMapping mapping) {
    }

    private final SchemaMappings mappings;

    private final @Nullable String explicitPrefix;

    private final SchemaMapping root;

    private final Map<String, Source> sources = new LinkedHashMap<>();

    private final List<Join> joins = new ArrayList<>();

    private int aliases = 1;

    private JoinPlan(SchemaMappings mappings, SchemaMapping root, @Nullable String explicitPrefix, String aliasPrefix) {
        this.aliasPrefix = aliasPrefix;
        this.rootAlias = aliasPrefix + "0";
        this.mappings = mappings;
        this.root = root;
        this.explicitPrefix = explicitPrefix;
    }

    /**
     * The plan of the query's joins; the values of association filters in their ON are
     * added to {@code parameters}.
     */
    static JoinPlan of(Query<?> query, SchemaMapping root, SchemaMappings mappings, ConditionCompiler conditions,
            Parameters parameters, String aliasPrefix) {
        JoinPlan plan = new JoinPlan(mappings, root, query.prefix(), aliasPrefix);
        for (Query.Joined joined : query.joins()) {
            if (joined.association()) {
                if (joined.on() != null && plan.sources.containsKey(joined.path())) {
                    throw new InvalidDataAccessApiUsageException("the query joins :" + joined.path()
                            + " before its join with a condition: join each association path once");
                }
                plan.join(joined.path(), joined.kind() == Query.JoinKind.LEFT, parameters);
                if (joined.on() != null) {
                    plan.extraCondition(joined.on(), conditions, parameters);
                }
            }
            else {
                plan.named(joined, conditions, parameters);
            }
        }
        return plan;
    }

    /** ANDs a condition to the ON of the join added last. */
    private void extraCondition(Expr on, ConditionCompiler conditions, Parameters parameters) {
        Join last = this.joins.remove(this.joins.size() - 1);
        Condition extra = conditions.compile(List.of(on), this, this.explicitPrefix, parameters);
        this.joins.add(new Join(last.table(), last.left(), last.right(), last.kind(),
                last.on() == null ? extra : Condition.and(List.of(last.on(), extra))));
    }

    /**
     * The rows of a query bound to a name: its table (or common table expression) on the
     * join's condition, with the query's own conditions on its fields ANDed to it.
     */
    private void named(Query.Joined joined, ConditionCompiler conditions, Parameters parameters) {
        if (this.sources.containsKey(joined.path())) {
            throw new InvalidDataAccessApiUsageException(
                    "the query joins :" + joined.path() + " twice: name each join once");
        }
        Query<?> query = joined.query();
        SchemaMapping mapping = this.mappings.mapping(query);
        String name = query.cte() != null ? query.cte() : mapping.metadata().source();
        String prefix = query.cte() != null ? null : query.prefix() != null ? query.prefix()
                : this.explicitPrefix != null ? this.explicitPrefix : mapping.metadata().prefix();
        Table table = query.subquery() != null
                ? Table.derived(
                        conditions.sources()
                            .derived(query.subquery(), this.explicitPrefix, parameters, joined.lateral() ? this : null),
                        nextAlias())
                : query.valuesList() != null
                        ? Table.values(conditions.sources().values(query, mapping, parameters), nextAlias())
                        : query.fragment() != null
                                ? Table.fragment(QuerySources.fragment(query, parameters), nextAlias())
                                : Table.of(prefix, name).as(nextAlias());
        this.sources.put(joined.path(), new Source(table.alias(), mapping));
        List<Condition> on = new ArrayList<>();
        if (joined.on() != null) {
            on.add(conditions.compile(List.of(joined.on()), this, this.explicitPrefix, parameters));
        }
        if (!query.conditions().isEmpty()) {
            on.add(conditions.compile(query.conditions(), QueryFields.of(mapping, table.alias()), this.explicitPrefix,
                    parameters));
        }
        Join.Kind kind = Join.Kind.valueOf(joined.kind().name());
        if (kind == Join.Kind.CROSS && !on.isEmpty()) {
            kind = Join.Kind.INNER;
        }
        if (joined.lateral()) {
            kind = kind == Join.Kind.LEFT ? Join.Kind.LEFT_LATERAL : Join.Kind.CROSS_LATERAL;
        }
        this.joins.add(new Join(table, null, null, kind, on.isEmpty() ? null : Condition.and(on)));
    }

    List<Join> joins() {
        return this.joins;
    }

    @Override
    public Resolved resolve(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return new Resolved(new Column(this.rootAlias, QueryCompiler.column(this.root, name)), this.root, name);
        }
        String path = name.substring(0, dot);
        String field = name.substring(dot + 1);
        Source source = this.sources.get(path);
        if (source == null) {
            throw new InvalidDataAccessApiUsageException(
                    "field \"" + name + "\" names :" + path + ", which the query does not " + "join; joined: "
                            + this.sources.keySet() + ". Add join(\"" + path + "\")");
        }
        return new Resolved(new Column(source.alias(), QueryCompiler.column(source.mapping(), field)), source.mapping(),
                field);
    }

    @Override
    public Struct struct(@Nullable String path) {
        if (path == null) {
            return new Struct(this.rootAlias, this.root);
        }
        Source source = this.sources.get(path);
        if (source == null) {
            throw new InvalidDataAccessApiUsageException("struct \"" + path + "\" names a join the query does not "
                    + "have; joined: " + this.sources.keySet() + ". Add join(\"" + path + "\")");
        }
        return new Struct(source.alias(), source.mapping());
    }

    private Source join(String path, boolean left, Parameters parameters) {
        Source known = this.sources.get(path);
        if (known != null) {
            return known;
        }
        int dot = path.lastIndexOf('.');
        Source owner = dot < 0 ? new Source(this.rootAlias, this.root) : join(path.substring(0, dot), left, parameters);
        String name = dot < 0 ? path : path.substring(dot + 1);
        AssociationMetadata association = RepoContext.requireAssociation(owner.mapping().metadata(), name);
        Source joined = step(owner, association, left, parameters);
        this.sources.put(path, joined);
        return joined;
    }

    private Source step(Source owner, AssociationMetadata association, boolean left, Parameters parameters) {
        if (association.kind() == AssociationKind.THROUGH) {
            Source current = owner;
            for (String step : association.through()) {
                current = step(current, RepoContext.requireAssociation(current.mapping().metadata(), step), left,
                        parameters);
            }
            return current;
        }
        SchemaMapping related = this.mappings.mapping(association.related());
        Table table = table(related.metadata().source(), related).as(nextAlias());
        Condition on = null;
        if (association.kind() == AssociationKind.MANY_TO_MANY) {
            JoinColumn ownerSide = association.joinKeys().get(0);
            JoinColumn relatedSide = association.joinKeys().get(1);
            Table through = table(association.joinThrough(), related).as(nextAlias());
            Column ownerKey = new Column(owner.alias(), QueryCompiler.column(owner.mapping(), association.ownerKey()));
            this.joins.add(new Join(through, through.column(ownerSide.column()), ownerKey, left,
                    filters(association.joinWhere(), through, null, parameters)));
            on = filters(association.where(), table, related, parameters);
            this.joins.add(new Join(table, table.column(relatedSide.referencesColumn()),
                    through.column(relatedSide.column()), left, on));
        }
        else {
            on = filters(association.where(), table, related, parameters);
            this.joins.add(new Join(table, table.column(QueryCompiler.column(related, association.relatedKey())),
                    new Column(owner.alias(), QueryCompiler.column(owner.mapping(), association.ownerKey())), left,
                    on));
        }
        return new Source(table.alias(), related);
    }

    private static @Nullable Condition filters(List<WhereCondition> conditions, Table table,
            @Nullable SchemaMapping related, Parameters parameters) {
        if (conditions.isEmpty()) {
            return null;
        }
        List<Condition> filters = new ArrayList<>();
        for (WhereCondition condition : conditions) {
            filters.add(Preloader.filter(table.column(condition.column()), condition));
            condition.values().forEach(value -> {
                if (related == null) {
                    parameters.addPlain(value);
                }
                else {
                    parameters.add(related.codec(condition.field()), value);
                }
            });
        }
        return Condition.and(filters);
    }

    private Table table(String name, SchemaMapping related) {
        return Table.of(this.explicitPrefix != null ? this.explicitPrefix : related.metadata().prefix(), name);
    }

    private String nextAlias() {
        return this.aliasPrefix + this.aliases++;
    }

}
