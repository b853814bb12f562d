package io.schemaspring.repo.internal.sql;

import org.jspecify.annotations.Nullable;

/** {@code [LEFT] JOIN table ON left = right [AND on]}. */
public record Join(Table table, Column left, Column right, boolean outer, @Nullable Condition on) {

    public Join(Table table, Column left, Column right) {
        this(table, left, right, false, null);
    }
}
