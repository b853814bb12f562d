package io.schemaspring.repo.internal.sql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code SELECT items FROM ... [WHERE ...] [GROUP BY ...] [HAVING ...] [ORDER BY ...] [paging]}:
 * a projection of the {@code base} select's table, joins, condition and paging into
 * values.
 */
public record ProjectedSelect(Select base, List<Item> items, List<Condition> groupBy, @Nullable Condition having,
        List<Order> orderBy, Map<String, WindowSpec> windows) {

    public ProjectedSelect {
        items = List.copyOf(items);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
        windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
    }

    /** A projection without named windows. */
    public ProjectedSelect(Select base, List<Item> items, List<Condition> groupBy, @Nullable Condition having,
            List<Order> orderBy) {
        this(base, items, groupBy, having, orderBy, Map.of());
    }

    /**
     * A column, or an aggregate function ({@code COUNT}, {@code SUM}, ...) of a column
     * ({@code distinct} values only when asked) or, for COUNT, of every row; or a window
     * function ({@code ROW_NUMBER}, {@code LAG} with its {@code offset}, ...). With
     * {@code over} or a {@code window} name it runs over that window.
     */
    public record Item(@Nullable String function, @Nullable Column column, boolean distinct, int offset,
            @Nullable WindowSpec over, @Nullable String window, @Nullable Condition expression,
            @Nullable Condition filter) {

        /** A column or an aggregate, over no window. */
        public Item(@Nullable String function, @Nullable Column column, boolean distinct) {
            this(function, column, distinct, 0, null, null, null, null);
        }

        /** A window function or an aggregate over a window. */
        public Item(@Nullable String function, @Nullable Column column, boolean distinct, int offset,
                @Nullable WindowSpec over, @Nullable String window) {
            this(function, column, distinct, offset, over, window, null, null);
        }

        /** A value computed by a fragment. */
        public static Item of(Condition expression) {
            return new Item(null, null, false, 0, null, null, expression, null);
        }

        /** The same aggregate over only the rows the condition holds for. */
        public Item filtered(@Nullable Condition filter) {
            return new Item(this.function, this.column, this.distinct, this.offset, this.over, this.window,
                    this.expression, filter);
        }

    }

    /** An ordering by a column, or by the position of a selected item. */
    public record Order(@Nullable Column column, int position, boolean descending) {
    }
}
