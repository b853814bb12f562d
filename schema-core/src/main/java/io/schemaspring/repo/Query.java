package io.schemaspring.repo;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

/**
 * An immutable query over one schema, Ecto's {@code from(u in User, where: ...)}: every method
 * returns a new query. Field names are Java field names; values are cast to the field's type
 * and always bound as parameters.
 *
 * <pre>{@code
 * Query.from(Post.class).where("published", true).orderBy("insertedAt", Direction.DESC).limit(10).preload("comments")
 * }</pre>
 */
public final class Query<T> {

    /** Comparison operators of {@link #where(String, Op, Object)}. */
    public enum Op {
        EQ, NOT_EQ, LT, LTE, GT, GTE, LIKE
    }

    /** Sort direction. */
    public enum Direction {
        ASC, DESC
    }

    /** One filter: a comparison, an IN list or a null test. */
    public record Filter(String field, Kind kind, @Nullable Op op, List<Object> values) {

        /** What kind of filter. */
        public enum Kind {
            COMPARE, IN, IS_NULL, IS_NOT_NULL
        }
    }

    /** One ordering term. */
    public record Order(String field, Direction direction) {
    }

    private final Class<T> schema;
    private final List<Filter> filters;
    private final List<Order> orders;
    private final @Nullable Integer limit;
    private final @Nullable Long offset;
    private final @Nullable String prefix;
    private final List<String> preloads;

    private Query(Class<T> schema, List<Filter> filters, List<Order> orders, @Nullable Integer limit,
            @Nullable Long offset, @Nullable String prefix, List<String> preloads) {
        this.schema = schema;
        this.filters = filters;
        this.orders = orders;
        this.limit = limit;
        this.offset = offset;
        this.prefix = prefix;
        this.preloads = preloads;
    }

    public static <T> Query<T> from(Class<T> schema) {
        Objects.requireNonNull(schema, "Schema class must not be null");
        return new Query<>(schema, List.of(), List.of(), null, null, null, List.of());
    }

    /** {@code field == value}. Comparing with null is refused, as in Ecto: use {@link #whereNull(String)}. */
    public Query<T> where(String field, Object value) {
        return where(field, Op.EQ, value);
    }

    /** {@code field == value} for each entry; a null value is {@link #whereNull(String)}. */
    public Query<T> where(java.util.Map<String, ?> clauses) {
        Query<T> query = this;
        for (java.util.Map.Entry<String, ?> clause : clauses.entrySet()) {
            query = clause.getValue() == null ? query.whereNull(clause.getKey()) : query.where(clause.getKey(), clause.getValue());
        }
        return query;
    }

    public Query<T> where(String field, Op op, Object value) {
        Objects.requireNonNull(field, "Field must not be null");
        Objects.requireNonNull(op, "Operator must not be null");
        if (value == null) {
            throw new InvalidDataAccessApiUsageException("null given for :" + field + ". Comparison with null is forbidden as it "
                    + "is unsafe. Instead write a query with whereNull(\"" + field + "\") or whereNotNull(\"" + field + "\")");
        }
        return withFilter(new Filter(field, Filter.Kind.COMPARE, op, List.of(value)));
    }

    /** {@code field IN (values)}; an empty collection matches nothing. */
    public Query<T> whereIn(String field, Collection<?> values) {
        Objects.requireNonNull(values, "Values must not be null");
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new InvalidDataAccessApiUsageException("null given in the values of :" + field
                    + ". Use whereNull(\"" + field + "\") for null");
        }
        return withFilter(new Filter(field, Filter.Kind.IN, null, List.copyOf(values)));
    }

    public Query<T> whereNull(String field) {
        return withFilter(new Filter(field, Filter.Kind.IS_NULL, null, List.of()));
    }

    public Query<T> whereNotNull(String field) {
        return withFilter(new Filter(field, Filter.Kind.IS_NOT_NULL, null, List.of()));
    }

    public Query<T> orderBy(String field) {
        return orderBy(field, Direction.ASC);
    }

    public Query<T> orderBy(String field, Direction direction) {
        List<Order> orders = new ArrayList<>(this.orders);
        orders.add(new Order(Objects.requireNonNull(field, "Field must not be null"), direction));
        return new Query<>(this.schema, this.filters, List.copyOf(orders), this.limit, this.offset, this.prefix,
                this.preloads);
    }

    /** Appends Spring Data's sort orders; property names are schema field names. */
    public Query<T> orderBy(Sort sort) {
        Query<T> query = this;
        for (Sort.Order order : sort) {
            query = query.orderBy(order.getProperty(), order.isAscending() ? Direction.ASC : Direction.DESC);
        }
        return query;
    }

    public Query<T> limit(int limit) {
        if (limit < 0) {
            throw new InvalidDataAccessApiUsageException("limit must not be negative, got " + limit);
        }
        return new Query<>(this.schema, this.filters, this.orders, limit, this.offset, this.prefix, this.preloads);
    }

    public Query<T> offset(long offset) {
        if (offset < 0) {
            throw new InvalidDataAccessApiUsageException("offset must not be negative, got " + offset);
        }
        return new Query<>(this.schema, this.filters, this.orders, this.limit, offset, this.prefix, this.preloads);
    }

    /** Runs against this database schema instead of the schema's default: multi-tenancy by prefix. */
    public Query<T> prefix(String prefix) {
        io.schemaspring.metadata.SqlIdentifiers.require(prefix, "Prefix");
        return new Query<>(this.schema, this.filters, this.orders, this.limit, this.offset, prefix, this.preloads);
    }

    /** Associations to preload after the query, nested with dots: {@code "posts.comments"}. */
    public Query<T> preload(String... paths) {
        List<String> preloads = new ArrayList<>(this.preloads);
        preloads.addAll(List.of(paths));
        return new Query<>(this.schema, this.filters, this.orders, this.limit, this.offset, this.prefix,
                List.copyOf(preloads));
    }

    /** The same filters and prefix without order, paging or preloads: what a count of this query needs. */
    Query<T> filtersOnly() {
        return new Query<>(this.schema, this.filters, List.of(), null, null, this.prefix, List.of());
    }

    private Query<T> withFilter(Filter filter) {
        List<Filter> filters = new ArrayList<>(this.filters);
        filters.add(filter);
        return new Query<>(this.schema, List.copyOf(filters), this.orders, this.limit, this.offset, this.prefix,
                this.preloads);
    }

    public Class<T> schema() {
        return this.schema;
    }

    public List<Filter> filters() {
        return this.filters;
    }

    public List<Order> orders() {
        return this.orders;
    }

    public @Nullable Integer limit() {
        return this.limit;
    }

    public @Nullable Long offset() {
        return this.offset;
    }

    public @Nullable String prefix() {
        return this.prefix;
    }

    public List<String> preloads() {
        return this.preloads;
    }

    @Override
    public String toString() {
        return "Query[from " + this.schema.getSimpleName() + ", where " + this.filters + ", order " + this.orders
                + ", limit " + this.limit + ", offset " + this.offset + ", prefix " + this.prefix + ", preload "
                + this.preloads + "]";
    }
}
