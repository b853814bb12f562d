package io.schemaspring.repo.internal.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code SELECT items FROM ... [WHERE ...] [GROUP BY ...] [HAVING ...] [ORDER BY ...] [paging]}:
 * a projection of the {@code base} select's table, joins, condition and paging into
 * values.
 */
public record ProjectedSelect(Select base, List<Item> items, List<Column> groupBy, @Nullable Condition having,
        List<Order> orderBy) {

    public ProjectedSelect {
        items = List.copyOf(items);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    /**
     * A column, or an aggregate function ({@code COUNT}, {@code SUM}, ...) of a column
     * ({@code distinct} values only when asked) or, for COUNT, of every row.
     */
    public record Item(@Nullable String function, @Nullable Column column, boolean distinct) {
    }

    /** An ordering by a column, or by the position of a selected item. */
    public record Order(@Nullable Column column, int position, boolean descending) {
    }
}
