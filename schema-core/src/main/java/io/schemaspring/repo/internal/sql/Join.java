package io.schemaspring.repo.internal.sql;

import org.jspecify.annotations.Nullable;

/**
 * {@code [LEFT|RIGHT|FULL|CROSS] JOIN table ON left = right [AND on]}; a join on any
 * condition has no key columns, only {@code on}, and a cross join neither.
 */
public record Join(Table table, @Nullable Column left, @Nullable Column right, Kind kind, @Nullable Condition on) {

    /** How the joined rows combine with the others. */
    public enum Kind {

        INNER("JOIN"), LEFT("LEFT JOIN"), RIGHT("RIGHT JOIN"), FULL("FULL JOIN"), CROSS("CROSS JOIN"),
        LEFT_LATERAL("LEFT JOIN LATERAL"), CROSS_LATERAL("CROSS JOIN LATERAL");

        private final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return this.sql;
        }

    }

    public Join(Table table, Column left, Column right) {
        this(table, left, right, Kind.INNER, null);
    }

    /** A join on the key columns, inner or left, with extra conditions. */
    public Join(Table table, Column left, Column right, boolean outer, @Nullable Condition on) {
        this(table, left, right, outer ? Kind.LEFT : Kind.INNER, on);
    }

}
