package io.schemaspring.repo;

import io.schemaspring.query.Aggregate;
import io.schemaspring.query.Expr;
import io.schemaspring.query.Query;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SqlIdentifiers;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.Column;
import io.schemaspring.repo.internal.sql.Select;
import io.schemaspring.repo.internal.sql.Table;
import io.schemaspring.type.FieldType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reads of the repository, and {@code deleteAll}: one compiled statement per query.
 */
final class QueryExecutor {

    private final RepoContext context;

    private final Preloader preloader;

    private final Map<Class<?>, String> byIdStatements = new ConcurrentHashMap<>();

    QueryExecutor(RepoContext context, Preloader preloader) {
        this.context = context;
        this.preloader = preloader;
    }

    @SuppressWarnings("unchecked")
    <T> List<T> all(Query<T> query) {
        SchemaMapping mapping = this.context.mapping(query);
        this.preloader.requirePreloadQueries(mapping, query.preloadQueries());
        String prefix = prefixOf(query, mapping.metadata());
        String partial = partial(query);
        if (!query.joinedPreloads().isEmpty()) {
            if (partial != null) {
                throw new InvalidDataAccessApiUsageException("preloadJoined fills whole structs of stored rows, "
                        + "not those of take, selectMerge or a values list: preload instead; " + query);
            }
            JoinedPreloads.check(query, mapping);
        }
        List<String> held = held(query);
        if (held != null) {
            requireTakenKeys(query, mapping.metadata(), held);
        }
        QueryCompiler.Compiled compiled = this.context.compiler.select(query, mapping, prefix,
                Select.Projection.COLUMNS);
        List<T> rows;
        if (query.joinedPreloads().isEmpty()) {
            int[] taken = compiled.taken();
            rows = (List<T>) this.context.jdbc.query(compiled.sql(), compiled.parameters(), resultSet -> {
                List<Object> result = new ArrayList<>();
                while (resultSet.next()) {
                    result.add(taken == null ? mapping.read(resultSet, 1) : mapping.readTaken(resultSet, 1, taken));
                }
                return result;
            });
            if (!fromValues(query)) {
                this.context.states.loaded(mapping.metadata(), rows, prefix);
            }
            if (partial != null) {
                this.context.states.partial(rows, partial);
            }
            if (held != null) {
                this.context.states.taken(rows, held);
            }
        }
        else {
            JoinedPreloads joined = JoinedPreloads.of(this.context, query, mapping, prefix, compiled.joinedStructs());
            rows = (List<T>) this.context.jdbc.query(compiled.sql(), compiled.parameters(), joined::read);
        }
        if (!query.preloads().isEmpty() && !rows.isEmpty()) {
            List<Object> preloaded = this.preloader.preload(mapping, new ArrayList<>(rows), query.preloads(),
                    query.preloadQueries(), null, false);
            if (mapping.metadata().record()) {
                return (List<T>) preloaded;
            }
        }
        return rows;
    }

    /**
     * Whether a query's rows come from a values list or a fragment, directly or through
     * subqueries, rather than from a table.
     */
    static boolean fromValues(Query<?> query) {
        return query.valuesList() != null || query.fragment() != null
                || (query.subquery() != null && fromValues(query.subquery()));
    }

    /**
     * Why the structs a query answers do not hold their stored rows' values: read from a
     * values list, with {@code take} or with {@code selectMerge} (directly or in a
     * subquery source); null when they do.
     */
    static @Nullable String partial(Query<?> query) {
        if (query.tableName() != null) {
            // Rows of a table without a schema are maps, never written back whole.
            return null;
        }
        for (Query<?> source = query; source != null; source = source.subquery()) {
            if (source.valuesList() != null) {
                return "it was read from a values list, not from a stored row";
            }
            if (source.fragment() != null) {
                return "it was read from a fragment, not from a stored row";
            }
        }
        if (!query.taken().isEmpty()) {
            return "it was read with take(" + String.join(", ", query.taken())
                    + "), so its other fields hold no stored values and would overwrite them";
        }
        for (Query<?> source = query; source != null; source = source.subquery()) {
            if (!source.merges().isEmpty()) {
                return "it was read with selectMerge of " + source.merges().keySet()
                        + ", whose values are not the stored ones";
            }
        }
        return null;
    }

    /** A take preloads through the keys it reads, and not from joins. */
    private static void requireTakenKeys(Query<?> query, SchemaMetadata metadata, List<String> held) {
        if (!query.joinedPreloads().isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    "take reads part of each struct, preloadJoined the whole of it: preload instead; " + query);
        }
        requirePreloadKeys(metadata, held, query.preloads());
    }

    /**
     * The fields the structs of a {@code take} hold, or {@code null} when the query reads
     * whole structs or the maps of a table without a schema.
     */
    private static @Nullable List<String> held(Query<?> query) {
        if (query.taken().isEmpty() || query.tableName() != null) {
            return null;
        }
        // Those it takes and those it merges.
        List<String> fields = new ArrayList<>(query.taken());
        query.merges().keySet().stream().filter(field -> !fields.contains(field)).forEach(fields::add);
        return fields;
    }

    /**
     * A partial struct is preloaded by the fields its associations are keyed on: they
     * must be among those it holds, else every association would read as empty.
     */
    static void requirePreloadKeys(SchemaMetadata metadata, List<String> held, List<String> paths) {
        for (String path : paths) {
            String name = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            io.schemaspring.metadata.AssociationMetadata association = metadata.association(name.trim());
            String key = association == null ? null : association.ownerKey();
            if (key != null && !held.contains(key)) {
                throw new InvalidDataAccessApiUsageException("take leaves out :" + key + ", which preloading :" + name
                        + " reads: take(" + String.join(", ", held) + ", " + key + ")");
            }
        }
    }

    /**
     * The rows of a query read through a cursor, {@code fetchSize} at a time; needs a
     * transaction (as Ecto's).
     */
    @SuppressWarnings("unchecked")
    <T> Stream<T> stream(Query<T> query, int fetchSize) {
        requireStreamable(fetchSize);
        if (!query.preloads().isEmpty() || !query.joinedPreloads().isEmpty()) {
            throw new InvalidDataAccessApiUsageException("stream does not preload: preload each batch you collect with "
                    + "repo.preload(structs, ...), one query per association level, or use all(query)");
        }
        SchemaMapping mapping = this.context.mapping(query);
        String prefix = prefixOf(query, mapping.metadata());
        String partial = partial(query);
        QueryCompiler.Compiled compiled = this.context.compiler.select(query, mapping, prefix,
                Select.Projection.COLUMNS);
        // Decided once per query, not per row.
        int[] taken = compiled.taken();
        boolean stored = !fromValues(query);
        List<String> held = held(query);
        return this.context.jdbc.queryForStream(connection -> {
            PreparedStatement statement = connection.prepareStatement(compiled.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            return statement;
        }, compiled.parameters(), (resultSet, row) -> {
            T struct = (T) (taken == null ? mapping.read(resultSet, 1) : mapping.readTaken(resultSet, 1, taken));
            if (stored) {
                this.context.states.loaded(mapping.metadata(), struct, prefix);
            }
            if (partial != null) {
                this.context.states.partial(List.of(struct), partial);
            }
            if (held != null) {
                this.context.states.taken(List.of(struct), held);
            }
            return struct;
        });
    }

    /** A stream needs a transaction and a positive fetch size. */
    static void requireStreamable(int fetchSize) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new InvalidDataAccessApiUsageException(
                    "stream needs a transaction, as Ecto's Repo.stream: without one "
                            + "the driver reads every row first (PostgreSQL) or the connection returns to the pool too early; "
                            + "call it inside @Transactional or a TransactionTemplate, and close the stream");
        }
        if (fetchSize < 1) {
            throw new InvalidDataAccessApiUsageException("fetch size must be at least 1, got " + fetchSize);
        }
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> get(Class<T> schema, @Nullable String prefix, Object id) {
        Objects.requireNonNull(id, "Id must not be null");
        SchemaMapping mapping = this.context.mapping(schema);
        SchemaMetadata metadata = mapping.metadata();
        if (metadata.primaryKey().size() != 1 || id instanceof Map<?, ?>) {
            Query<T> base = prefix == null ? Query.from(schema) : Query.from(schema).prefix(prefix);
            return one(byId(base, id));
        }
        // The most frequent read gets a direct path: SQL rendered once per schema and
        // prefix, one bound key.
        String target = prefix != null ? SqlIdentifiers.require(prefix, "Prefix") : metadata.prefix();
        String key = metadata.primaryKey().get(0);
        Object value = QueryCompiler.cast(metadata, key, metadata.type(key), id);
        Supplier<String> render = () -> this.context.renderer.render(Select
            .columns(Table.of(target, metadata.source()), mapping.queryColumns().stream().map(Column::of).toList())
            .where(Keys.condition(metadata, Map.of())));
        String sql = prefix == null ? this.byIdStatements.computeIfAbsent(schema, ignored -> render.get())
                : this.context.statements.get(schema, prefix, "get", "", render);
        T found = (T) this.context.jdbc.query(sql, statement -> mapping.codec(key).bind(statement, 1, value),
                resultSet -> resultSet.next() ? mapping.read(resultSet, 1) : null);
        if (found != null) {
            this.context.states.loaded(metadata, found, target);
        }
        return Optional.ofNullable(found);
    }

    <T> Optional<T> one(Query<T> query) {
        // Rows of joins filling preloads belong to one struct: a limit would cut them.
        List<T> rows = all(query.limit() == null && query.joinedPreloads().isEmpty() ? query.limit(2) : query);
        if (rows.size() > 1) {
            throw new MultipleResultsException(query.schema(), rows.size());
        }
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    long count(Query<?> query) {
        requireNoPaging(query, "count");
        SchemaMapping mapping = this.context.mapping(query);
        QueryCompiler.Compiled compiled = this.context.compiler.select(query, mapping,
                prefixOf(query, mapping.metadata()), Select.Projection.COUNT);
        Long count = this.context.jdbc.query(compiled.sql(), compiled.parameters(), resultSet -> {
            resultSet.next();
            return resultSet.getLong(1);
        });
        return count == null ? 0 : count;
    }

    /**
     * Ecto's {@code Repo.aggregate}: COUNT answers 0 on no rows, the others an empty
     * Optional.
     */
    @SuppressWarnings("unchecked")
    Optional<Object> aggregate(Query<?> query, Aggregate aggregate, String field) {
        Objects.requireNonNull(aggregate, "Aggregate must not be null");
        Objects.requireNonNull(field, "Field must not be null");
        if (!query.preloads().isEmpty() || query.lock() != null) {
            throw new InvalidDataAccessApiUsageException("aggregate does not take preload or lock: " + query);
        }
        SchemaMapping mapping = this.context.mapping(query);
        QueryCompiler.Compiled compiled = this.context.compiler.aggregate(query, mapping,
                prefixOf(query, mapping.metadata()), aggregate, field);
        FieldType type = fieldType(field, query, mapping);
        boolean numeric = type == FieldType.ID || type == FieldType.INTEGER || type == FieldType.FLOAT
                || type == FieldType.DECIMAL;
        boolean untyped = mapping.metadata().schemaless() && type == FieldType.ANY;
        if ((aggregate == Aggregate.SUM || aggregate == Aggregate.AVG) && !numeric && !untyped) {
            throw new InvalidDataAccessApiUsageException(aggregate + " needs a numeric field (:id, :integer, :float or "
                    + ":decimal), but :" + field + " of " + query.schema().getSimpleName() + " is "
                    + (type == null ? "not a primitive type" : ":" + type.name().toLowerCase(java.util.Locale.ROOT)));
        }
        Object result = this.context.jdbc.query(compiled.sql(), compiled.parameters(), resultSet -> {
            resultSet.next();
            if (aggregate == Aggregate.MIN || aggregate == Aggregate.MAX) {
                return codecOf(field, query, mapping).read(resultSet, 1);
            }
            Object value = resultSet.getObject(1);
            if (value == null) {
                return null;
            }
            Number number = (Number) value;
            if (untyped && aggregate != Aggregate.COUNT) {
                return number;
            }
            if (aggregate == Aggregate.COUNT
                    || (aggregate == Aggregate.SUM && type != FieldType.FLOAT && type != FieldType.DECIMAL)) {
                return number.longValue();
            }
            return type == FieldType.DECIMAL ? new java.math.BigDecimal(number.toString())
                    : (Object) number.doubleValue();
        });
        return Optional.ofNullable(result);
    }

    private @Nullable FieldType fieldType(String field, Query<?> query, SchemaMapping mapping) {
        io.schemaspring.type.Type type = resolved(field, query, mapping).type();
        return type instanceof io.schemaspring.type.PrimitiveType primitive ? primitive.fieldType() : null;
    }

    private io.schemaspring.repo.internal.mapping.Codec codecOf(String field, Query<?> query, SchemaMapping mapping) {
        return resolved(field, query, mapping).codec();
    }

    private QueryFields.Resolved resolved(String field, Query<?> query, SchemaMapping mapping) {
        return query.joins().isEmpty() ? QueryFields.of(mapping).resolve(field)
                : this.context.compiler.sources().of(query, mapping, null, new Parameters()).fields().resolve(field);
    }

    /**
     * Ecto's {@code exists?}: a limit and distinct do not change the answer (a limit of 0
     * answers false); an offset does, and is refused.
     */
    boolean exists(Query<?> query) {
        if (query.offset() != null) {
            throw new InvalidDataAccessApiUsageException("exists does not take offset: " + query);
        }
        if (query.limit() != null && query.limit() == 0) {
            return false;
        }
        SchemaMapping mapping = this.context.mapping(query);
        QueryCompiler.Compiled compiled = this.context.compiler.select(query, mapping,
                prefixOf(query, mapping.metadata()), Select.Projection.EXISTS);
        return Boolean.TRUE.equals(this.context.jdbc.query(compiled.sql(), compiled.parameters(), ResultSet::next));
    }

    int deleteAll(Query<?> given) {
        Query<?> query = deletable(given, "deleteAll");
        SchemaMapping mapping = this.context.mapping(query);
        QueryCompiler.Compiled compiled = this.context.compiler.delete(query, mapping,
                prefixOf(query, mapping.metadata()));
        return this.context.jdbc.update(compiled.sql(), compiled.parameters());
    }

    /**
     * {@code delete_all} with {@code select: p}: the structs of the rows removed, as they
     * were, in no particular order; they are marked deleted.
     */
    @SuppressWarnings("unchecked")
    <T> List<T> deleteAllReturning(Query<T> given) {
        Query<?> query = deletable(given, "deleteAllReturning");
        SchemaMapping mapping = this.context.mapping(query);
        String prefix = prefixOf(query, mapping.metadata());
        QueryCompiler.Compiled compiled = this.context.compiler.delete(query, mapping, prefix, true);
        List<T> rows = (List<T>) rows(this.context, compiled.sql(), compiled.parameters(), mapping);
        rows.forEach(row -> this.context.states.deleted(mapping.metadata(), row, prefix));
        return rows;
    }

    private Query<?> deletable(Query<?> given, String action) {
        QueryCompiler.requireNoCombination(given, action);
        requireNoPaging(given, action);
        if (!given.orders().isEmpty() || !given.preloads().isEmpty() || given.lock() != null
                || !given.merges().isEmpty() || !given.taken().isEmpty() && given.tableName() == null) {
            throw new InvalidDataAccessApiUsageException(
                    action + " does not take orderBy, preload, lock, selectMerge or take: " + given);
        }
        return byJoinedKeys(given, this.context.mapping(given).metadata(), action);
    }

    /** The structs of a statement answering a schema's query columns, in order. */
    static List<Object> rows(RepoContext context, String sql, Parameters parameters, SchemaMapping mapping) {
        return context.jdbc.query(sql, parameters, resultSet -> {
            List<Object> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(mapping.read(resultSet, 1));
            }
            return result;
        });
    }

    /**
     * A query with joins or common table expressions as the rows whose primary key it
     * selects, for the statements that take neither ({@code deleteAll},
     * {@code updateAll}): {@code WHERE id IN (SELECT t0.id FROM
     * ... JOIN ... WHERE ...)}, as Ecto's joins in {@code update_all}/{@code delete_all}
     * filter rows.
     */
    static Query<?> byJoinedKeys(Query<?> query, SchemaMetadata metadata, String action) {
        if (query.valuesList() != null || query.fragment() != null) {
            throw new InvalidDataAccessApiUsageException(
                    action + " writes to a table, not to a values list or a " + "fragment: join them to a query of "
                            + metadata.schemaClass().getSimpleName() + " with join(name, query, condition)");
        }
        if (query.joins().isEmpty() && query.ctes().isEmpty() && query.cte() == null && query.subquery() == null
                && !ConditionCompiler.correlated(query.conditions())) {
            return query;
        }
        if (metadata.primaryKey().size() != 1) {
            throw new InvalidDataAccessApiUsageException(action + " with "
                    + (!query.joins().isEmpty() ? "a join"
                            : query.subquery() != null ? "a subquery source"
                                    : query.cte() != null || !query.ctes().isEmpty() ? "a common table expression"
                                            : "a correlated subquery")
                    + " needs a single primary key on " + metadata.schemaClass().getSimpleName() + ", which has "
                    + metadata.primaryKey());
        }
        String key = metadata.primaryKey().get(0);
        Query<?> rows = Query.from(query.schema()).where(Expr.in(key, query.distinct(), key));
        return query.prefix() == null ? rows : rows.prefix(query.prefix());
    }

    /**
     * The query narrowed to one primary key (a {@code Map} of key fields for composite
     * keys).
     */
    private <T> Query<T> byId(Query<T> base, Object id) {
        Class<T> schema = base.schema();
        List<String> key = this.context.mapping(schema).metadata().primaryKey();
        if (key.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    schema.getSimpleName() + " has no primary key: use getBy or a query");
        }
        if (key.size() == 1 && !(id instanceof Map<?, ?>)) {
            return base.where(key.get(0), id);
        }
        if (!(id instanceof Map<?, ?> values) || !values.keySet().equals(new HashSet<>(key))) {
            throw new InvalidDataAccessApiUsageException(schema.getSimpleName() + " has the composite primary key "
                    + key + ": pass a Map with exactly those fields, got " + id);
        }
        Query<T> query = base;
        for (String field : key) {
            query = query.where(field, values.get(field));
        }
        return query;
    }

    /** A per-query prefix, else the schema's. */
    private static @Nullable String prefixOf(Query<?> query, SchemaMetadata metadata) {
        return query.prefix() != null ? query.prefix() : metadata.prefix();
    }

    private static void requireNoPaging(Query<?> query, String action) {
        if (query.limit() != null || query.offset() != null) {
            throw new InvalidDataAccessApiUsageException(action + " does not take limit or offset: " + query);
        }
    }

}
