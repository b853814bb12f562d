package io.schemaspring.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The window a window function or an aggregate runs over, Ecto's {@code over/2} options
 * and {@code windows}: the rows of the partition of each row, in an order, within an
 * optional frame. {@code Over.window()} alone is every row of the query
 * ({@code OVER ()}).
 *
 * <pre>{@code
 * Selection.count("id").over(Over.window().partitionBy("authorId"))            // count(c.id) |> over(partition_by: c.author_id)
 * Selection.sum("visits").over(Over.window().orderBy("counter")
 *         .frame("ROWS BETWEEN ? PRECEDING AND ? FOLLOWING", 1, 1))          // frame: fragment(...)
 * }</pre>
 *
 * Fields are schema fields (joined ones by path); a frame is SQL written by the
 * programmer, as {@link Expr#sql}, its {@code ?} bound as parameters. Immutable.
 */
public final class Over {

    private final List<String> partitionBy;

    private final List<Query.Order> orders;

    private final Expr.@Nullable Sql frame;

    private Over(List<String> partitionBy, List<Query.Order> orders, Expr.@Nullable Sql frame) {
        this.partitionBy = partitionBy;
        this.orders = orders;
        this.frame = frame;
    }

    /**
     * Every row of the query, in no order: {@code OVER ()}; narrow it with the methods
     * below.
     */
    public static Over window() {
        return new Over(List.of(), List.of(), null);
    }

    /**
     * Ecto's {@code partition_by}: the rows sharing these fields' values, after those
     * given.
     */
    public Over partitionBy(String... fields) {
        List<String> all = new ArrayList<>(this.partitionBy);
        for (String field : fields) {
            all.add(Objects.requireNonNull(field, "Field must not be null"));
        }
        return new Over(List.copyOf(all), this.orders, this.frame);
    }

    /** Ecto's {@code order_by} in a window, ascending, after the terms given. */
    public Over orderBy(String field) {
        return orderBy(field, Query.Direction.ASC);
    }

    /** Ecto's {@code order_by} in a window, after the terms given. */
    public Over orderBy(String field, Query.Direction direction) {
        List<Query.Order> all = new ArrayList<>(this.orders);
        all.add(new Query.Order(Objects.requireNonNull(field, "Field must not be null"), direction));
        return new Over(this.partitionBy, List.copyOf(all), this.frame);
    }

    /**
     * Ecto's {@code frame: fragment(...)}: {@code ROWS}, {@code RANGE} or {@code GROUPS}
     * bounds, {@code ?} bound to the arguments ({@code Expr.field(...)} as a column).
     */
    public Over frame(String template, Object... args) {
        return new Over(this.partitionBy, this.orders, (Expr.Sql) Expr.sql(template, args));
    }

    /** The partition fields, in order. */
    public List<String> partitionBy() {
        return this.partitionBy;
    }

    /** The ordering within the window. */
    public List<Query.Order> orders() {
        return this.orders;
    }

    /** The frame, {@code null} for the database's default. */
    public Expr.@Nullable Sql frame() {
        return this.frame;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Over over && this.partitionBy.equals(over.partitionBy)
                && this.orders.equals(over.orders) && Objects.equals(this.frame, over.frame);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.partitionBy, this.orders, this.frame);
    }

    @Override
    public String toString() {
        return "Over[partitionBy " + this.partitionBy + ", order " + this.orders
                + (this.frame == null ? "" : ", frame " + this.frame.template()) + "]";
    }

}
