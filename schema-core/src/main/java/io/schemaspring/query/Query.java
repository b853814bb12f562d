package io.schemaspring.query;

import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.SqlIdentifiers;
import io.schemaspring.metadata.StructMeta;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashSet;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/**
 * An immutable query over one schema, Ecto's {@code from(u in User, where: ...)}: every
 * method returns a new query. Field names are Java field names; values are cast to the
 * field's type and always bound as parameters.
 *
 * <pre>{@code
 * Query.from(Post.class).where("published", true).orderBy("insertedAt", Direction.DESC).limit(10).preload("comments")
 * }</pre>
 */
public final class Query<T> {

    /** Comparison operators of {@link #where(String, Op, Object)}. */
    public enum Op {

        EQ, NOT_EQ, LT, LTE, GT, GTE, LIKE,
        /**
         * Case-insensitive LIKE: {@code ILIKE} where the database has it, else
         * {@code lower(column) LIKE lower(?)}.
         */
        ILIKE

    }

    /** Sort direction. */
    public enum Direction {

        ASC, DESC

    }

    /** A part of a query that {@link #exclude(Part...)} takes away, Ecto's atoms. */
    public enum Part {

        /** Every condition ({@code :where}). */
        WHERE,
        /** Every ordering term ({@code :order_by}). */
        ORDER_BY,
        /** The limit ({@code :limit}). */
        LIMIT,
        /** The offset ({@code :offset}). */
        OFFSET,
        /** Every preload and preload query ({@code :preload}). */
        PRELOAD,
        /** Distinct ({@code :distinct}). */
        DISTINCT,
        /** The row lock ({@code :lock}). */
        LOCK,
        /** Every join ({@code :join}). */
        JOIN,
        /** Every union, intersect and except ({@code :combinations}). */
        COMBINATIONS,
        /** The explicit prefix ({@code :prefix}). */
        PREFIX,
        /** Every common table expression ({@code :with_ctes}). */
        WITH

    }

    /**
     * How {@link #union}, {@link #intersect} and {@link #except} combine the rows of two
     * queries; the {@code _ALL} forms keep duplicate rows.
     */
    public enum SetOperation {

        /** Ecto's {@code union}: the rows of either query, each once. */
        UNION,
        /** Ecto's {@code union_all}: the rows of both queries, duplicates kept. */
        UNION_ALL,
        /** Ecto's {@code intersect}: the rows both queries answer, each once. */
        INTERSECT,
        /**
         * Ecto's {@code intersect_all}: the rows both queries answer, duplicates kept.
         */
        INTERSECT_ALL,
        /**
         * Ecto's {@code except}: the rows of the first query the other does not answer.
         */
        EXCEPT,
        /** Ecto's {@code except_all}: {@code except}, duplicates kept. */
        EXCEPT_ALL

    }

    /**
     * A query whose rows this one combines with its own, Ecto's {@code union},
     * {@code intersect} and {@code except} (with their {@code _all} forms).
     *
     * @param operation how the rows are combined
     * @param query the other query, of the same schema, without order, paging, preloads
     * or lock
     */
    public record Combination(SetOperation operation, Query<?> query) {
    }

    /** How a join combines the joined rows with the query's, Ecto's join qualifiers. */
    public enum JoinKind {

        /** Ecto's {@code join} ({@code :inner}): the rows that match on both sides. */
        INNER,
        /** Ecto's {@code left_join}: every row of the query, the joined one or nulls. */
        LEFT,
        /** Ecto's {@code right_join}: every joined row, the query's row or nulls. */
        RIGHT,
        /**
         * Ecto's {@code full_join}: every row of both sides, nulls where none matches.
         */
        FULL,
        /** Ecto's {@code cross_join}: every row with every joined row. */
        CROSS

    }

    /**
     * A join: through an association path ({@link #join(String)}), or of the rows of a
     * query bound to a name on a condition ({@link #join(String, Class, Expr)}).
     *
     * @param path the association path, or the name the joined rows are bound to
     * @param kind inner, left, right, full or cross
     * @param query the joined rows, {@code null} for an association
     * @param on the join's condition, {@code null} for a cross join or an association
     * joined on its keys alone
     * @param lateral whether the joined subquery reads each row of the query
     * ({@link #joinLateral(String, Query)})
     */
    public record Joined(String path, JoinKind kind, @Nullable Query<?> query, @Nullable Expr on, boolean lateral) {

        /** A join that is not lateral. */
        public Joined(String path, JoinKind kind, @Nullable Query<?> query, @Nullable Expr on) {
            this(path, kind, query, on, false);
        }

        /** Whether this join follows an association path. */
        public boolean association() {
            return this.query == null;
        }

    }

    /**
     * A common table expression of {@link #with(String, Query)}: a name and the query
     * whose rows it holds.
     */
    public record Cte(String name, Query<?> query) {
    }

    /**
     * One ordering term: a field, or the schema's primary key when {@code field} is
     * {@code null} ({@link #first()}, {@link #last()} and {@link #reverseOrder()} of an
     * unordered query). The engine resolves the primary key, whose name the application's
     * settings may choose.
     *
     * @param field the field, a joined one by its path; {@code null} for the primary key
     * @param direction ascending or descending
     * @param fromSort whether the term came from a Spring Data {@code Sort}
     * ({@link #orderBy(Sort)}), often a request's {@code ?sort=}: a field it names that
     * the query cannot order by is an {@code InvalidSortException}, answered 400 on the
     * web
     */
    public record Order(@Nullable String field, Direction direction, boolean fromSort) {

        /** A term the code gives ({@link #orderBy(String, Direction)}). */
        public Order(@Nullable String field, Direction direction) {
            this(field, direction, false);
        }

        /** Ordering by every primary key field of the schema, in this direction. */
        public static Order primaryKey(Direction direction) {
            return new Order(null, direction);
        }

        /** Whether this term orders by the primary key rather than a named field. */
        public boolean byPrimaryKey() {
            return this.field == null;
        }

        /** The same term in the other direction. */
        public Order reversed() {
            return new Order(this.field, this.direction == Direction.ASC ? Direction.DESC : Direction.ASC,
                    this.fromSort);
        }

    }

    private final Class<T> schema;

    private List<Expr> conditions = List.of();

    private List<Order> orders = List.of();

    private @Nullable Integer limit;

    private @Nullable Long offset;

    private @Nullable String prefix;

    private List<String> preloads = List.of();

    private Map<String, Query<?>> preloadQueries = Map.of();

    private List<String> joinedPreloads = List.of();

    private Map<String, String> joinedPreloadJoins = Map.of();

    private boolean distinct;

    private @Nullable Lock lock;

    private List<Joined> joins = List.of();

    private List<Combination> combinations = List.of();

    private @Nullable String cte;

    private @Nullable Query<?> subquery;

    private @Nullable List<Map<String, Object>> valuesList;

    private Expr.@Nullable Sql fragment;

    private Map<String, Value> merges = Map.of();

    private List<String> taken = List.of();

    private List<Cte> ctes = List.of();

    private boolean recursive;

    private @Nullable String table;

    private Query(Class<T> schema) {
        this.schema = schema;
    }

    /**
     * The rows of the common table expression {@code name} (given by
     * {@link #with(String, Query)} on this query or the query it is part of) as structs
     * of the schema whose query defined it, Ecto's {@code from(c in {"tree", Comment})}.
     * A common table expression has no prefix.
     */
    public static <T> Query<T> fromCte(String name, Class<T> schema) {
        Query<T> query = from(schema);
        query.cte = SqlIdentifiers.require(name, "Common table expression");
        return query;
    }

    /**
     * Ecto's {@code from(p in subquery(query))}: the rows of a query, with its own
     * conditions, joins, order, paging and distinct, read as a derived table of the same
     * schema, which this query filters, orders, pages, aggregates or joins further
     * ({@code Query.fromSubquery(Query.from(Post.class).orderBy("visits").limit(2))}).
     * The subquery reads in this query's explicit prefix unless it names its own.
     */
    public static <T> Query<T> fromSubquery(Query<T> subquery) {
        Objects.requireNonNull(subquery, "Subquery must not be null");
        if (subquery.table != null) {
            throw new InvalidDataAccessApiUsageException("table \"" + subquery.table + "\" has no schema, so no "
                    + "columns of its own for a subquery source to read: join it by a condition, or read it with take "
                    + "in a query of its own; " + subquery);
        }
        if (!subquery.preloads.isEmpty() || !subquery.joinedPreloads.isEmpty() || subquery.lock != null
                || !subquery.combinations.isEmpty() || !subquery.ctes.isEmpty()) {
            throw new InvalidDataAccessApiUsageException("a subquery source takes conditions, joins, order, paging "
                    + "and distinct, not preloads, a lock, set operations or common table expressions (join a "
                    + "common table expression for those): " + subquery);
        }
        Query<T> query = from(subquery.schema);
        query.subquery = subquery;
        return query;
    }

    /**
     * Ecto's {@code values(rows, Schema)}: a list of rows given in the query, read as a
     * table of the schema's structs. Each row maps field names to values, every row
     * naming the same fields; values are cast to the fields' types before any SQL and
     * bound as parameters, and the fields a row does not name read as null. Use it as a
     * source ({@code repo.all}, {@code select}) or join it by name
     * ({@code join("v", Query.values(Post.class, rows), Expr.field(...))}) to filter,
     * update or delete by it. Its structs are not rows of the database: they are answered
     * as new structs.
     */
    public static <T> Query<T> values(Class<T> schema, List<? extends Map<String, ?>> rows) {
        Objects.requireNonNull(rows, "Rows must not be null");
        if (rows.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    "Query.values needs at least one row: a values list cannot be empty");
        }
        java.util.Set<String> fields = null;
        List<Map<String, Object>> copies = new ArrayList<>();
        for (Map<String, ?> row : rows) {
            Objects.requireNonNull(row, "Row must not be null");
            if (row.isEmpty()) {
                throw new InvalidDataAccessApiUsageException("Query.values takes rows naming at least one field");
            }
            if (fields == null) {
                fields = row.keySet();
            }
            else if (!fields.equals(row.keySet())) {
                throw new InvalidDataAccessApiUsageException("Query.values takes rows naming the same fields: " + fields
                        + " and " + row.keySet() + " differ");
            }
            copies.add(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(row)));
        }
        Query<T> query = from(schema);
        query.valuesList = List.copyOf(copies);
        return query;
    }

    /**
     * Ecto's {@code from(f in {fragment("select 1 as num"), Barebone})}: the rows of the
     * programmer's SQL read as a table of the schema's structs, each {@code ?} a bound
     * value ({@code \\?} a literal question mark, as in {@link Expr#sql}). The SQL must
     * answer a column for every field the query reads, named as the schema names its
     * columns ({@link #take(String...)} reads fewer). Its structs are no rows of the
     * database: they are answered as new structs, which whole-struct writes refuse.
     */
    public static <T> Query<T> fromFragment(Class<T> schema, String sql, Object... values) {
        Expr.Sql fragment = (Expr.Sql) Expr.sql(sql, values);
        for (Object value : values) {
            if (value instanceof Expr.Field || value instanceof Expr.Parent) {
                throw new InvalidDataAccessApiUsageException("a fragment source reads no fields: bind values only, "
                        + "got " + value + " in \"" + sql + "\"");
            }
        }
        Query<T> query = from(schema);
        query.fragment = fragment;
        return query;
    }

    /** The SQL of {@link #fromFragment(Class, String, Object...)}, else {@code null}. */
    public Expr.@Nullable Sql fragment() {
        return this.fragment;
    }

    /** The rows of {@link #values(Class, List)}, {@code null} for any other source. */
    public @Nullable List<Map<String, Object>> valuesList() {
        return this.valuesList;
    }

    /**
     * The query whose rows this one reads as a derived table
     * ({@link #fromSubquery(Query)}), {@code null} for the schema's own source.
     */
    public @Nullable Query<?> subquery() {
        return this.subquery;
    }

    /**
     * Ecto's {@code with_cte(name, as: ^query)}: a common table expression
     * ({@code WITH name AS (...)}) holding the rows of {@code query}, all the columns of
     * its schema, which this query and its joins and subqueries read with
     * {@link #fromCte(String, Class)}; a query combined by {@link #unionAll} whose other
     * query joins the expression itself needs {@link #recursive()}. The expression's
     * query takes conditions, joins, distinct and set operations, not order, paging,
     * preloads or lock.
     */
    public Query<T> with(String name, Query<?> query) {
        SqlIdentifiers.require(name, "Common table expression");
        Objects.requireNonNull(query, "Query must not be null");
        if (this.ctes.stream().anyMatch(cte -> cte.name().equals(name))) {
            throw new InvalidDataAccessApiUsageException("the query already has a common table expression " + name);
        }
        List<Cte> ctes = new ArrayList<>(this.ctes);
        ctes.add(new Cte(name, query));
        Query<T> copy = copy();
        copy.ctes = List.copyOf(ctes);
        return copy;
    }

    /**
     * Ecto's {@code recursive_ctes(true)}: {@code WITH RECURSIVE}, so that a common table
     * expression may read its own rows (a tree of comments: the roots {@code unionAll}
     * the children joined to the expression).
     */
    public Query<T> recursive() {
        Query<T> copy = copy();
        copy.recursive = true;
        return copy;
    }

    /**
     * Ecto's {@code from(p in "posts")}: the rows of a table read without a schema. Any
     * field name is the column of that name; its values are bound as they are given and
     * read as the driver answers them
     * ({@link Value#cast(Value, io.schemaspring.type.FieldType)} reads a type). Such a
     * query reads what it selects ({@link #take(String...)} answers each row as a map of
     * those columns; {@link #selectMap(Selection...)}, {@code select(Record.class, ...)},
     * {@code count} and aggregates), and is the target of {@code updateAll} and
     * {@code deleteAll}. It has no associations to join or preload and no primary key.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static Query<Map<String, Object>> table(String table) {
        Objects.requireNonNull(table, "Table must not be null");
        Query<Map<String, Object>> query = new Query<>((Class) Map.class);
        query.table = SqlIdentifiers.require(table, "Table");
        return query;
    }

    /**
     * The table of a query without a schema ({@link #table(String)}); {@code null} for a
     * query of a schema.
     */
    public @Nullable String tableName() {
        return this.table;
    }

    /**
     * Ecto's {@code from(s in Schema)}: a query of every row of the schema, read in the
     * schema's own prefix unless {@link #prefix(String)} names another.
     */
    public static <T> Query<T> from(Class<T> schema) {
        Objects.requireNonNull(schema, "Schema class must not be null");
        return new Query<>(schema);
    }

    /**
     * Ecto's {@code Ecto.assoc(struct, :comments)}: the query of the rows an association
     * of one struct, or of a list of structs of one schema, points to, for any kind of
     * association, {@code through} ones too, or along a path of associations
     * ({@code "comments.author"}, Ecto's dynamic through); each row is answered once.
     * Compose it further ({@code where}, {@code orderBy}, {@code preload}). It reads in
     * the prefix of the first struct's {@code StructMeta}; for a class without one use
     * {@code repo.assoc(...)}, which knows where each struct it read is stored.
     * @throws IllegalArgumentException for no structs, structs of several schemas, an
     * unknown association, or a struct without its primary key
     */
    @SuppressWarnings("unchecked")
    public static <R> Query<R> assoc(Object structOrStructs, String name) {
        Objects.requireNonNull(structOrStructs, "Struct must not be null");
        Objects.requireNonNull(name, "Association must not be null");
        List<?> structs = structOrStructs instanceof Collection<?> collection ? new ArrayList<>(collection)
                : List.of(structOrStructs);
        if (structs.isEmpty() || structs.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("assoc :" + name + " needs structs, got " + structs);
        }
        Class<?> ownerClass = structs.get(0).getClass();
        SchemaMetadata owner = SchemaRegistry.standalone(ownerClass);
        SchemaMetadata related = owner;
        for (String step : name.split("\\.")) {
            AssociationMetadata association = related.association(step);
            if (association == null) {
                throw new IllegalArgumentException(
                        "Schema " + related.schemaClass().getSimpleName() + " does not have the association :" + step
                                + "; its associations are " + related.associations());
            }
            related = SchemaRegistry.standalone(association.related());
        }
        String ownerKey = singleKey(owner, "assoc :" + name);
        String relatedKey = singleKey(related, "assoc :" + name);
        Set<Object> keys = new LinkedHashSet<>();
        for (Object struct : structs) {
            if (struct.getClass() != ownerClass) {
                throw new IllegalArgumentException("assoc :" + name + " needs structs of one schema, got "
                        + ownerClass.getSimpleName() + " and " + struct.getClass().getSimpleName());
            }
            Object key = owner.field(ownerKey).accessor().get(struct);
            if (key == null) {
                throw new IllegalArgumentException("cannot build assoc :" + name + " for a "
                        + ownerClass.getSimpleName() + " without :" + ownerKey + ": insert it first");
            }
            keys.add(key);
        }
        Query<?> owners = from(ownerClass).join(name).where(Expr.in(ownerKey, keys));
        Query<R> query = ((Query<R>) from(related.schemaClass()))
            .where(Expr.in(relatedKey, owners, name + "." + relatedKey));
        StructMeta meta = owner.getMeta(structs.get(0));
        return meta != null && meta.prefix() != null ? query.prefix(meta.prefix()) : query;
    }

    private static String singleKey(SchemaMetadata metadata, String action) {
        if (metadata.primaryKey().size() != 1) {
            throw new IllegalArgumentException(action + " needs a single primary key on "
                    + metadata.schemaClass().getSimpleName() + ", which has " + metadata.primaryKey());
        }
        return metadata.primaryKey().get(0);
    }

    /**
     * Ecto's {@code __schema__(:query)}: the query of the whole schema, from its source
     * with its prefix ({@code Query.from(schemaClass)} with {@link #prefix(String)} when
     * the schema has one). It lives here rather than on {@code SchemaMetadata} because
     * the query model sits above the metadata layer, which must not depend on it.
     */
    @SuppressWarnings("unchecked")
    public static <T> Query<T> of(SchemaMetadata metadata) {
        Objects.requireNonNull(metadata, "Schema metadata must not be null");
        if (metadata.embedded()) {
            throw new IllegalArgumentException(metadata.schemaClass().getName()
                    + " is an embedded schema: it has no source to query (query its parent schema)");
        }
        Query<T> query = new Query<>((Class<T>) metadata.schemaClass());
        return metadata.prefix() == null ? query : query.prefix(metadata.prefix());
    }

    /**
     * {@code field == value}. Comparing with null is refused, as in Ecto: use
     * {@link #whereNull(String)}.
     */
    public Query<T> where(String field, Object value) {
        return where(field, Op.EQ, value);
    }

    /**
     * {@code field == value} for each entry. A null value is refused as in
     * {@link #where(String, Object)} (Ecto refuses a nil comparison): use
     * {@link #whereNull(String)}.
     */
    public Query<T> where(Map<String, ?> clauses) {
        Query<T> query = this;
        for (Map.Entry<String, ?> clause : clauses.entrySet()) {
            query = query.where(clause.getKey(), clause.getValue());
        }
        return query;
    }

    /**
     * {@code field op value}, ANDed as in {@link #where(Expr)}. A null value is refused,
     * as in Ecto: use {@link #whereNull(String)} or {@link #whereNotNull(String)}.
     */
    public Query<T> where(String field, Op op, Object value) {
        return where(Expr.compare(field, op, value));
    }

    /** Adds the expression with AND, Ecto's {@code where}. */
    public Query<T> where(Expr expr) {
        Objects.requireNonNull(expr, "Expression must not be null");
        List<Expr> conditions = new ArrayList<>(this.conditions);
        conditions.add(expr);
        Query<T> copy = copy();
        copy.conditions = List.copyOf(conditions);
        return copy;
    }

    /** Ecto's {@code or_where}: {@code (everything so far) OR field == value}. */
    public Query<T> orWhere(String field, Object value) {
        return orWhere(Expr.eq(field, value));
    }

    /**
     * Ecto's {@code or_where}: {@code (everything so far) OR field op value}; a null
     * value is refused as in {@link #where(String, Op, Object)}.
     */
    public Query<T> orWhere(String field, Op op, Object value) {
        return orWhere(Expr.compare(field, op, value));
    }

    /**
     * Ecto's {@code or_where}: {@code (everything so far) OR expr}; on a query without
     * conditions, a {@code where}.
     */
    public Query<T> orWhere(Expr expr) {
        Objects.requireNonNull(expr, "Expression must not be null");
        if (this.conditions.isEmpty()) {
            return where(expr);
        }
        Expr sofar = this.conditions.size() == 1 ? this.conditions.get(0) : new Expr.And(this.conditions);
        Query<T> copy = copy();
        copy.conditions = List.of(new Expr.Or(List.of(sofar, expr)));
        return copy;
    }

    /** {@code field IN (values)}; an empty collection matches nothing. */
    public Query<T> whereIn(String field, Collection<?> values) {
        return where(Expr.in(field, values));
    }

    /**
     * {@code field IS NULL}, Ecto's {@code is_nil(field)}, ANDed with the other
     * conditions.
     */
    public Query<T> whereNull(String field) {
        return where(Expr.isNull(field));
    }

    /**
     * {@code field IS NOT NULL}, Ecto's {@code not is_nil(field)}, ANDed with the other
     * conditions.
     */
    public Query<T> whereNotNull(String field) {
        return where(Expr.isNotNull(field));
    }

    /**
     * Ecto's {@code order_by} ascending on the field, after any ordering terms already
     * given.
     */
    public Query<T> orderBy(String field) {
        return orderBy(field, Direction.ASC);
    }

    /**
     * Ecto's {@code order_by: [{direction, field}]}: appends an ordering term after those
     * already given; a joined field by its path ({@code "comments.insertedAt"}).
     */
    public Query<T> orderBy(String field, Direction direction) {
        List<Order> orders = new ArrayList<>(this.orders);
        orders.add(new Order(Objects.requireNonNull(field, "Field must not be null"), direction));
        Query<T> copy = copy();
        copy.orders = List.copyOf(orders);
        return copy;
    }

    /**
     * Appends Spring Data's sort orders; property names are schema field names (joined
     * ones by path). A property the query cannot order by is an
     * {@code InvalidSortException} when the query runs, which the starter's web support
     * answers with 400: a {@code Sort} is often a client's {@code ?sort=}.
     */
    public Query<T> orderBy(Sort sort) {
        List<Order> orders = new ArrayList<>(this.orders);
        for (Sort.Order order : sort) {
            orders.add(new Order(Objects.requireNonNull(order.getProperty()),
                    order.isAscending() ? Direction.ASC : Direction.DESC, true));
        }
        return withOrders(List.copyOf(orders));
    }

    /**
     * Ecto's {@code limit}: at most this many rows, replacing any earlier limit; a
     * negative limit is an {@code InvalidDataAccessApiUsageException}.
     */
    public Query<T> limit(int limit) {
        if (limit < 0) {
            throw new InvalidDataAccessApiUsageException("limit must not be negative, got " + limit);
        }
        Query<T> copy = copy();
        copy.limit = limit;
        return copy;
    }

    /**
     * Ecto's {@code offset}: skips this many rows, replacing any earlier offset; a
     * negative offset is an {@code InvalidDataAccessApiUsageException}.
     */
    public Query<T> offset(long offset) {
        if (offset < 0) {
            throw new InvalidDataAccessApiUsageException("offset must not be negative, got " + offset);
        }
        Query<T> copy = copy();
        copy.offset = offset;
        return copy;
    }

    /**
     * Ecto's {@code first/1}: at most one row, the first in the query's order, or by
     * primary key when the query has no order: {@code repo.one(query.first())}.
     */
    public Query<T> first() {
        Query<T> first = this.orders.isEmpty() ? withOrders(List.of(Order.primaryKey(Direction.ASC))) : this;
        return first.limit(1);
    }

    /**
     * Ecto's {@code first/2}: orders by the field (after any order already given), then
     * {@link #first()}.
     */
    public Query<T> first(String field) {
        return orderBy(field).first();
    }

    /**
     * Ecto's {@code last/1}: at most one row, the last in the query's order (every term
     * reversed, see {@link #reverseOrder()}), or by primary key when the query has no
     * order.
     */
    public Query<T> last() {
        return reverseOrder().limit(1);
    }

    /**
     * Ecto's {@code last/2}: orders by the field (after any order already given), then
     * {@link #last()}.
     */
    public Query<T> last(String field) {
        return orderBy(field).last();
    }

    /**
     * Ecto's {@code reverse_order}: every ordering term in the other direction; a query
     * without order is ordered by primary key, descending.
     */
    public Query<T> reverseOrder() {
        return withOrders(this.orders.isEmpty() ? List.of(Order.primaryKey(Direction.DESC))
                : this.orders.stream().map(Order::reversed).toList());
    }

    /**
     * Ecto's {@code union}: the rows of this query and of the other, each once. This
     * query's {@code orderBy}, {@code limit}, {@code offset} and {@code preload} apply to
     * the combined rows (as in Ecto), and ordering names fields of the schema, not joined
     * paths; the other query takes conditions, joins, distinct and prefix only.
     */
    public Query<T> union(Query<T> other) {
        return combine(SetOperation.UNION, other);
    }

    /** Ecto's {@code union_all}: {@link #union} keeping duplicate rows. */
    public Query<T> unionAll(Query<T> other) {
        return combine(SetOperation.UNION_ALL, other);
    }

    /**
     * Ecto's {@code intersect}: the rows both queries answer, each once; as
     * {@link #union} for ordering and paging.
     */
    public Query<T> intersect(Query<T> other) {
        return combine(SetOperation.INTERSECT, other);
    }

    /** Ecto's {@code intersect_all}: {@link #intersect} keeping duplicate rows. */
    public Query<T> intersectAll(Query<T> other) {
        return combine(SetOperation.INTERSECT_ALL, other);
    }

    /**
     * Ecto's {@code except}: the rows of this query that the other does not answer, each
     * once; as {@link #union} for ordering and paging.
     */
    public Query<T> except(Query<T> other) {
        return combine(SetOperation.EXCEPT, other);
    }

    /** Ecto's {@code except_all}: {@link #except} keeping duplicate rows. */
    public Query<T> exceptAll(Query<T> other) {
        return combine(SetOperation.EXCEPT_ALL, other);
    }

    private Query<T> combine(SetOperation operation, Query<T> other) {
        Objects.requireNonNull(other, "Query must not be null");
        String name = operation.name().toLowerCase(Locale.ROOT);
        if (other.schema != this.schema) {
            throw new InvalidDataAccessApiUsageException(name + " combines queries of one schema: "
                    + this.schema.getSimpleName() + " and " + other.schema.getSimpleName());
        }
        if (!other.orders.isEmpty() || other.limit != null || other.offset != null || !other.preloads.isEmpty()
                || other.lock != null || !other.combinations.isEmpty()) {
            throw new InvalidDataAccessApiUsageException(name + " takes a query with conditions, joins, distinct and "
                    + "prefix only: order, limit and preload the combined rows on the outer query; got " + other);
        }
        List<Combination> combinations = new ArrayList<>(this.combinations);
        combinations.add(new Combination(operation, other));
        Query<T> copy = copy();
        copy.combinations = List.copyOf(combinations);
        return copy;
    }

    /**
     * Ecto's {@code exclude}: the same query without these parts, as if they had never
     * been given ({@code query.exclude(Part.ORDER_BY).orderBy("title")} replaces the
     * order).
     */
    public Query<T> exclude(Part... parts) {
        Query<T> copy = copy();
        for (Part part : parts) {
            switch (Objects.requireNonNull(part, "Part must not be null")) {
                case WHERE -> copy.conditions = List.of();
                case ORDER_BY -> copy.orders = List.of();
                case LIMIT -> copy.limit = null;
                case OFFSET -> copy.offset = null;
                case PRELOAD -> {
                    copy.preloads = List.of();
                    copy.preloadQueries = Map.of();
                    copy.joinedPreloads = List.of();
                    copy.joinedPreloadJoins = Map.of();
                }
                case DISTINCT -> copy.distinct = false;
                case LOCK -> copy.lock = null;
                case JOIN -> copy.joins = List.of();
                case COMBINATIONS -> copy.combinations = List.of();
                case PREFIX -> copy.prefix = null;
                case WITH -> {
                    copy.ctes = List.of();
                    copy.recursive = false;
                }
            }
        }
        return copy;
    }

    private Query<T> withOrders(List<Order> orders) {
        Query<T> copy = copy();
        copy.orders = orders;
        return copy;
    }

    /**
     * Runs against this database schema instead of the schema's default: multi-tenancy by
     * prefix.
     */
    public Query<T> prefix(String prefix) {
        SqlIdentifiers.require(prefix, "Prefix");
        Query<T> copy = copy();
        copy.prefix = prefix;
        return copy;
    }

    /**
     * Joins an association, Ecto's {@code join: c in assoc(p, :comments)}; nested with
     * dots ({@code "comments.author"}), through every association kind. Joined fields are
     * named {@code "comments.body"} in conditions and orders.
     */
    public Query<T> join(String path) {
        Objects.requireNonNull(path, "Association path must not be null");
        return withJoin(new Joined(path.trim(), JoinKind.INNER, null, null));
    }

    /**
     * Ecto's {@code join: c in assoc(p, :comments), on: c.approved == true}: the
     * association's join with this condition ANDed to its {@code ON}.
     */
    public Query<T> join(String path, Expr on) {
        Objects.requireNonNull(path, "Association path must not be null");
        return withJoin(new Joined(path.trim(), JoinKind.INNER, null,
                Objects.requireNonNull(on, "Join condition must not be null")));
    }

    /** {@link #join(String, Expr)} as a LEFT JOIN, Ecto's {@code left_join}. */
    public Query<T> leftJoin(String path, Expr on) {
        Objects.requireNonNull(path, "Association path must not be null");
        return withJoin(new Joined(path.trim(), JoinKind.LEFT, null,
                Objects.requireNonNull(on, "Join condition must not be null")));
    }

    /** {@link #join(String)} as a LEFT JOIN, Ecto's {@code left_join}. */
    public Query<T> leftJoin(String path) {
        Objects.requireNonNull(path, "Association path must not be null");
        return withJoin(new Joined(path.trim(), JoinKind.LEFT, null, null));
    }

    /**
     * Ecto's {@code join: c in Comment, as: :c, on: c.post_id == p.id}: the schema's rows
     * bound to the name {@code as}, whose fields are {@code "as.field"} in the condition,
     * conditions, orders and selects; the condition compares fields with values or with
     * each other ({@code Expr.eq("c.postId", Expr.field("id"))}).
     */
    public Query<T> join(String as, Class<?> schema, Expr on) {
        return join(as, from(schema), on);
    }

    /**
     * {@link #join(String, Class, Expr)} of the rows of a query: a query with conditions
     * only, which join the condition ({@code join: c in ^query}), or of a common table
     * expression ({@link #fromCte(String, Class)}).
     */
    public Query<T> join(String as, Query<?> query, Expr on) {
        return withJoin(named(as, JoinKind.INNER, query, on));
    }

    /** {@link #join(String, Class, Expr)} as a LEFT JOIN, Ecto's {@code left_join}. */
    public Query<T> leftJoin(String as, Class<?> schema, Expr on) {
        return leftJoin(as, from(schema), on);
    }

    /** {@link #join(String, Query, Expr)} as a LEFT JOIN, Ecto's {@code left_join}. */
    public Query<T> leftJoin(String as, Query<?> query, Expr on) {
        return withJoin(named(as, JoinKind.LEFT, query, on));
    }

    /**
     * {@link #join(String, Class, Expr)} as a RIGHT JOIN, Ecto's {@code right_join}: a
     * joined row without a match reads a struct of nulls from this query's schema.
     */
    public Query<T> rightJoin(String as, Class<?> schema, Expr on) {
        return rightJoin(as, from(schema), on);
    }

    /** {@link #join(String, Query, Expr)} as a RIGHT JOIN, Ecto's {@code right_join}. */
    public Query<T> rightJoin(String as, Query<?> query, Expr on) {
        return withJoin(named(as, JoinKind.RIGHT, query, on));
    }

    /**
     * {@link #join(String, Class, Expr)} as a FULL JOIN, Ecto's {@code full_join};
     * refused where the database has none (MariaDB).
     */
    public Query<T> fullJoin(String as, Class<?> schema, Expr on) {
        return fullJoin(as, from(schema), on);
    }

    /** {@link #join(String, Query, Expr)} as a FULL JOIN, Ecto's {@code full_join}. */
    public Query<T> fullJoin(String as, Query<?> query, Expr on) {
        return withJoin(named(as, JoinKind.FULL, query, on));
    }

    /**
     * Ecto's {@code cross_join: c in Comment}: every row with every row of the schema.
     */
    public Query<T> crossJoin(String as, Class<?> schema) {
        return crossJoin(as, from(schema));
    }

    /** {@link #crossJoin(String, Class)} of the rows of a query. */
    public Query<T> crossJoin(String as, Query<?> query) {
        return withJoin(named(as, JoinKind.CROSS, query, null));
    }

    /**
     * Ecto's {@code join: c in subquery(...)} with {@code parent_as}: a LATERAL join of a
     * subquery (its own order and paging too) that reads each row of this query through
     * {@link Expr#parent(String)} in its conditions, every row it answers joined
     * ({@code CROSS JOIN LATERAL}): the latest comment of each post,
     * {@code joinLateral("c", Query.from(Comment.class).where(Expr.eq("postId", Expr.parent("id"))).orderBy("id", DESC).limit(1))}.
     * Refused where the database has no lateral joins.
     */
    public Query<T> joinLateral(String as, Query<?> subquery) {
        return lateral(as, JoinKind.CROSS, subquery);
    }

    /**
     * {@link #joinLateral(String, Query)} keeping the rows for which the subquery answers
     * none ({@code LEFT JOIN LATERAL ... ON TRUE}).
     */
    public Query<T> leftJoinLateral(String as, Query<?> subquery) {
        return lateral(as, JoinKind.LEFT, subquery);
    }

    private Query<T> lateral(String as, JoinKind kind, Query<?> subquery) {
        // Checked as a cross join, which takes no condition: the subquery's own
        // correlate.
        Joined joined = named(as, JoinKind.CROSS, fromSubquery(subquery), null);
        return withJoin(new Joined(joined.path(), kind, joined.query(), null, true));
    }

    private Joined named(String as, JoinKind kind, Query<?> query, @Nullable Expr on) {
        SqlIdentifiers.require(as, "Join name");
        Objects.requireNonNull(query, "Joined query must not be null");
        if (kind != JoinKind.CROSS) {
            Objects.requireNonNull(on, "Join condition must not be null: use crossJoin to join every row");
        }
        if (!query.joins.isEmpty() || !query.orders.isEmpty() || query.limit != null || query.offset != null
                || !query.preloads.isEmpty() || query.lock != null || !query.combinations.isEmpty()
                || !query.ctes.isEmpty() || query.distinct || !query.merges.isEmpty() || !query.taken.isEmpty()) {
            throw new InvalidDataAccessApiUsageException("join :" + as + " takes a query with conditions only "
                    + "(of a schema or a common table expression), not joins, order, paging, preloads, "
                    + "lock, distinct, set operations, common table expressions, selectMerge or take: " + query);
        }
        if (this.joins.stream().anyMatch(joined -> joined.path().equals(as))) {
            throw new InvalidDataAccessApiUsageException("the query already joins :" + as + ": name each join once");
        }
        return new Joined(as, kind, query, on);
    }

    private Query<T> withJoin(Joined joined) {
        if (joined.association()) {
            requireSchema("joining :" + joined.path());
        }
        List<Joined> joins = new ArrayList<>(this.joins);
        joins.add(joined);
        Query<T> copy = copy();
        copy.joins = List.copyOf(joins);
        return copy;
    }

    /**
     * Ecto's {@code select} into records or classes whose component (or field) names are
     * the query's field names, joined fields by camel-cased path ({@code userName} for
     * {@code "user.name"}): only those columns are selected.
     */
    public <R> ProjectionQuery<R> select(Class<R> type) {
        return new ProjectionQuery<>(this, Objects.requireNonNull(type, "Type must not be null"), List.of(), List.of(),
                List.of());
    }

    /**
     * Ecto's {@code select} of fields and aggregates, each filling the component it
     * names.
     */
    public <R> ProjectionQuery<R> select(Class<R> type, Selection... selections) {
        return new ProjectionQuery<>(this, Objects.requireNonNull(type, "Type must not be null"), List.of(selections),
                List.of(), List.of());
    }

    /**
     * Ecto's {@code select_merge(q, [p], %{field: value})} and struct updates in select
     * ({@code %{p | field: value}}): the structs this query answers take {@code value}
     * for {@code field} instead of the stored column, computed by the database from the
     * row ({@link Value#field(String)}, a joined field {@code "p.title"}, arithmetic,
     * casts...) or bound ({@link Value#of(Object)}, cast to the field's type before any
     * SQL). A later merge of the same field replaces an earlier one. A subquery source
     * reads the merged values; a projection ({@code select(...)}) names its values itself
     * and refuses a merge.
     */
    public Query<T> selectMerge(String field, Value value) {
        Objects.requireNonNull(field, "Field must not be null");
        requireSchema("selectMerge");
        Map<String, Value> all = new LinkedHashMap<>(this.merges);
        all.put(field, Objects.requireNonNull(value, "Value must not be null"));
        Query<T> copy = copy();
        copy.merges = java.util.Collections.unmodifiableMap(all);
        return copy;
    }

    /**
     * Ecto's {@code select: [:id, :title]} ({@code struct(p, fields)}): reads only these
     * fields of each struct, the others keeping the values a new struct has. Such a
     * struct is loaded but partial: {@code repo.update(struct)}, which writes every
     * field, refuses it (update it through a changeset of the fields to change), and a
     * preload needs the fields its association is keyed on. A subquery source, a set
     * operation or a common table expression reads every column and refuses it.
     */
    public Query<T> take(String... fields) {
        Objects.requireNonNull(fields, "Fields must not be null");
        if (fields.length == 0) {
            throw new InvalidDataAccessApiUsageException("take needs at least one field");
        }
        for (String field : fields) {
            Objects.requireNonNull(field, "Field must not be null");
        }
        Query<T> copy = copy();
        copy.taken = List.of(fields);
        return copy;
    }

    /** The fields of {@link #take(String...)}; empty when the query reads them all. */
    public List<String> taken() {
        return this.taken;
    }

    /** The values of {@link #selectMerge(String, Value)} by field, in order. */
    public Map<String, Value> merges() {
        return this.merges;
    }

    /**
     * Ecto's map select ({@code select: %{title: p.title, n: count(c.id)}}): each row a
     * map of the selections' names (a field's path, or the name given with
     * {@code .as(key)}) to their values, in the order selected.
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public ProjectionQuery<Map<String, Object>> selectMap(Selection... selections) {
        return new ProjectionQuery<>(this, (Class) Map.class, List.of(selections), List.of(), List.of());
    }

    /** {@code SELECT DISTINCT}, Ecto's {@code distinct: true}. */
    public Query<T> distinct() {
        Query<T> copy = copy();
        copy.distinct = true;
        return copy;
    }

    /**
     * Locks the rows read until the transaction ends, Ecto's {@code lock}; refused where
     * the database lacks the lock.
     */
    public Query<T> lock(Lock lock) {
        Query<T> copy = copy();
        copy.lock = Objects.requireNonNull(lock, "Lock must not be null");
        return copy;
    }

    /**
     * Associations to preload after the query, nested with dots:
     * {@code "posts.comments"}.
     */
    public Query<T> preload(String... paths) {
        requireSchema("preload");
        List<String> preloads = new ArrayList<>(this.preloads);
        preloads.addAll(List.of(paths));
        Query<T> copy = copy();
        copy.preloads = List.copyOf(preloads);
        return copy;
    }

    /**
     * Ecto's {@code preload: [comments: c]}: fills associations from the rows of their
     * joins ({@link #join(String)}, {@link #leftJoin(String)}, with or without a
     * condition) in the query's one statement, nested ones with dots when their parent is
     * filled so too ({@code "comments", "comments.author"}). Each struct appears once,
     * its children in the order of the rows; an inner join's condition leaves out the
     * parents without a matching child, a left join's keeps them with none.
     */
    public Query<T> preloadJoined(String... paths) {
        requireSchema("preloadJoined");
        List<String> joined = new ArrayList<>(this.joinedPreloads);
        for (String path : paths) {
            joined.add(Objects.requireNonNull(path, "Association path must not be null").trim());
        }
        Query<T> copy = copy();
        copy.joinedPreloads = List.copyOf(joined);
        return copy;
    }

    /**
     * Ecto's {@code preload: [post: p]} where {@code p} is a join on a condition: fills
     * the association at {@code path} from the rows of the join named {@code join}
     * ({@link #join(String, Class, Expr)}, of the association's schema, a subquery of it
     * too).
     */
    public Query<T> preloadFromJoin(String path, String join) {
        Objects.requireNonNull(join, "Join name must not be null");
        Query<T> copy = preloadJoined(path);
        Map<String, String> joins = new LinkedHashMap<>(this.joinedPreloadJoins);
        joins.put(path.trim(), join.trim());
        copy.joinedPreloadJoins = java.util.Collections.unmodifiableMap(joins);
        return copy;
    }

    /**
     * The join whose rows fill the association at a path of
     * {@link #preloadJoined(String...)}: the path itself, or the join named by
     * {@link #preloadFromJoin(String, String)}.
     */
    public String joinedPreloadJoin(String path) {
        return this.joinedPreloadJoins.getOrDefault(path, path);
    }

    /**
     * The association paths of {@link #preloadJoined(String...)}, filled from the rows of
     * their joins.
     */
    public List<String> joinedPreloads() {
        return this.joinedPreloads;
    }

    /**
     * Preloads an association with a query over its schema, Ecto's
     * {@code preload: [comments: ^query]}: its conditions filter the children, its order
     * comes before the association's preload order, and its own preloads load into the
     * children ({@code Query.from(Comment.class).preload("author")} fills
     * {@code "comments.author"}).
     */
    public Query<T> preload(String path, Query<?> query) {
        Objects.requireNonNull(query, "Preload query must not be null");
        Map<String, Query<?>> queries = new LinkedHashMap<>(this.preloadQueries);
        queries.put(path.trim(), query);
        Query<T> copy = preload(path);
        copy.preloadQueries = java.util.Collections.unmodifiableMap(queries);
        return copy;
    }

    /**
     * The same conditions, prefix and combinations without order, paging, lock or
     * preloads: what a count of this query needs.
     */
    public Query<T> filtersOnly() {
        Query<T> copy = new Query<>(this.schema);
        copy.table = this.table;
        copy.conditions = this.conditions;
        copy.prefix = this.prefix;
        copy.distinct = this.distinct;
        copy.joins = this.joins;
        copy.combinations = this.combinations;
        copy.cte = this.cte;
        copy.subquery = this.subquery;
        copy.valuesList = this.valuesList;
        copy.fragment = this.fragment;
        copy.ctes = this.ctes;
        copy.recursive = this.recursive;
        return copy;
    }

    private Query<T> copy() {
        Query<T> copy = new Query<>(this.schema);
        copy.conditions = this.conditions;
        copy.orders = this.orders;
        copy.limit = this.limit;
        copy.offset = this.offset;
        copy.prefix = this.prefix;
        copy.preloads = this.preloads;
        copy.preloadQueries = this.preloadQueries;
        copy.joinedPreloads = this.joinedPreloads;
        copy.joinedPreloadJoins = this.joinedPreloadJoins;
        copy.distinct = this.distinct;
        copy.lock = this.lock;
        copy.joins = this.joins;
        copy.combinations = this.combinations;
        copy.cte = this.cte;
        copy.subquery = this.subquery;
        copy.valuesList = this.valuesList;
        copy.fragment = this.fragment;
        copy.ctes = this.ctes;
        copy.recursive = this.recursive;
        copy.merges = this.merges;
        copy.taken = this.taken;
        copy.table = this.table;
        return copy;
    }

    private void requireSchema(String action) {
        if (this.table != null) {
            throw new InvalidDataAccessApiUsageException(action + " needs a schema's associations or structs: table \""
                    + this.table + "\" is queried without a schema");
        }
    }

    /** The schema class whose rows the query reads. */
    public Class<T> schema() {
        return this.schema;
    }

    /** The conditions, joined with AND. */
    public List<Expr> conditions() {
        return this.conditions;
    }

    /** The ordering terms, in the order given; empty when the query is unordered. */
    public List<Order> orders() {
        return this.orders;
    }

    /** The maximum number of rows of {@link #limit(int)}; {@code null} when unlimited. */
    public @Nullable Integer limit() {
        return this.limit;
    }

    /**
     * The number of rows skipped by {@link #offset(long)}; {@code null} when none was
     * given.
     */
    public @Nullable Long offset() {
        return this.offset;
    }

    /**
     * The database schema of {@link #prefix(String)}; {@code null} to read in the
     * schema's default one.
     */
    public @Nullable String prefix() {
        return this.prefix;
    }

    /**
     * The association paths to preload after the query, in the order given, nested ones
     * with dots.
     */
    public List<String> preloads() {
        return this.preloads;
    }

    /** The queries of {@link #preload(String, Query)} by association path. */
    public Map<String, Query<?>> preloadQueries() {
        return this.preloadQueries;
    }

    /** Whether the query selects distinct rows ({@link #distinct()}). */
    public boolean isDistinct() {
        return this.distinct;
    }

    /**
     * The row lock of {@link #lock(Lock)}; {@code null} when the rows read are not
     * locked.
     */
    public @Nullable Lock lock() {
        return this.lock;
    }

    /**
     * The queries combined with this one ({@link #union}, {@link #intersect},
     * {@link #except}), in the order given; empty for a plain query.
     */
    public List<Combination> combinations() {
        return this.combinations;
    }

    /**
     * The joins, through association paths ({@link #join(String)}) and of named rows
     * ({@link #join(String, Class, Expr)}), in the order given.
     */
    public List<Joined> joins() {
        return this.joins;
    }

    /**
     * The common table expression the rows are read from
     * ({@link #fromCte(String, Class)}), {@code null} for the schema's own source.
     */
    public @Nullable String cte() {
        return this.cte;
    }

    /**
     * The common table expressions of {@link #with(String, Query)}, in the order given.
     */
    public List<Cte> ctes() {
        return this.ctes;
    }

    /**
     * Whether the common table expressions may read their own rows
     * ({@link #recursive()}).
     */
    public boolean isRecursive() {
        return this.recursive;
    }

    @Override
    public String toString() {
        return "Query[from " + (this.cte == null ? "" : this.cte + " as ")
                + (this.subquery == null ? "" : "subquery " + this.subquery + " as ")
                + (this.valuesList == null ? ""
                        : "values (" + this.valuesList.size() + " rows of " + this.valuesList.get(0).keySet() + ") as ")
                + (this.fragment == null ? "" : "fragment \"" + this.fragment.template() + "\" as ")
                + (this.merges.isEmpty() ? "" : "merging " + this.merges.keySet() + " into ")
                + (this.taken.isEmpty() ? "" : "taking " + this.taken + " of ")
                + (this.table != null ? "table \"" + this.table + "\"" : this.schema.getSimpleName())
                + (this.ctes.isEmpty() ? ""
                        : (this.recursive ? ", with recursive " : ", with ")
                                + this.ctes.stream().map(Cte::name).toList())
                + ", where " + this.conditions + ", order " + this.orders + ", limit " + this.limit + ", offset "
                + this.offset + ", prefix " + this.prefix + ", preload " + this.preloads
                + (this.joinedPreloads.isEmpty() ? "" : ", preload joined " + this.joinedPreloads)
                + (this.distinct ? ", distinct" : "") + (this.lock != null ? ", lock " + this.lock : "")
                + (this.joins.isEmpty() ? "" : ", join " + this.joins)
                + (this.combinations.isEmpty() ? "" : ", " + this.combinations) + "]";
    }

}
