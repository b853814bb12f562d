package io.schemaspring.repo.internal.sql;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code SELECT ... UNION (SELECT ...) ... [ORDER BY ...] [paging]}: selects of one
 * table's columns combined by set operators, ordered and paged as a whole by output
 * column. {@code COUNT} counts the combined rows, {@code EXISTS} asks for one.
 *
 * @param members the selects, each of the same columns, without order or paging
 * @param operators the operator before each member after the first ({@code UNION ALL},
 * {@code INTERSECT}, ...)
 * @param orderBy the ordering of the combined rows, by unqualified output column
 * @param limit whether a limit parameter follows
 * @param offset whether an offset parameter follows
 * @param projection {@code COLUMNS}, {@code COUNT} or {@code EXISTS}
 * @param with the common table expressions the members read, {@code null} for none
 */
public record CombinedSelect(List<Select> members, List<String> operators, List<OrderTerm> orderBy, boolean limit,
        boolean offset, Select.Projection projection, @Nullable With with) {

    /** Copies the lists and checks one operator between each two members. */
    public CombinedSelect {
        members = List.copyOf(members);
        operators = List.copyOf(operators);
        orderBy = List.copyOf(orderBy);
        if (operators.size() != members.size() - 1) {
            throw new IllegalArgumentException(
                    members.size() + " selects need " + (members.size() - 1) + " set operators, got " + operators);
        }
    }

}
