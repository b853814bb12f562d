package io.schemaspring.repo.internal.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A window: {@code PARTITION BY ... ORDER BY ... frame}, rendered inside
 * {@code OVER (...)} or a {@code WINDOW name AS (...)} clause.
 *
 * @param partitionBy the partition columns
 * @param orderBy the ordering within the window
 * @param frame the frame, a fragment; {@code null} for the database's default
 */
public record WindowSpec(List<Column> partitionBy, List<OrderTerm> orderBy, @Nullable Condition frame) {

    /** Copies the lists. */
    public WindowSpec {
        partitionBy = List.copyOf(partitionBy);
        orderBy = List.copyOf(orderBy);
    }

}
