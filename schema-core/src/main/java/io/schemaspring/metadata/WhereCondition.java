package io.schemaspring.metadata;

import io.schemaspring.annotation.Where;
import java.util.List;

/**
 * A resolved association filter: the field, its column and the values already cast to the
 * field's type.
 */
public record WhereCondition(String field, String column, Where.Op op, List<Object> values) {

    /** A condition holding an unmodifiable copy of {@code values}. */
    public WhereCondition {
        values = List.copyOf(values);
    }
}
