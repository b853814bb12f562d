package io.schemaspring.repo.internal.sql;

import java.util.List;

/** A WHERE condition. Every value is a bound parameter ({@code ?}), never text in the SQL. */
public sealed interface Condition permits Condition.Compare, Condition.In, Condition.AnyOf, Condition.IsNull,
        Condition.Never, Condition.And {

    /** {@code column op ?}. */
    record Compare(Column column, Operator operator) implements Condition {
    }

    /** {@code column IN (?, ?, ...)} with {@code count} parameters. */
    record In(Column column, int count) implements Condition {
    }

    /** {@code column = ANY(?)} with one array parameter (dialects with arrays). */
    record AnyOf(Column column) implements Condition {
    }

    /** {@code column IS NULL} or {@code column IS NOT NULL}. */
    record IsNull(Column column, boolean negated) implements Condition {
    }

    /** Matches nothing ({@code 1 = 0}), for an empty IN list. */
    record Never() implements Condition {
    }

    /** {@code (a AND b AND ...)}. */
    record And(List<Condition> conditions) implements Condition {
        public And {
            conditions = List.copyOf(conditions);
        }
    }

    /** Comparison operators. */
    enum Operator {
        EQ("="), NOT_EQ("<>"), LT("<"), LTE("<="), GT(">"), GTE(">="), LIKE("LIKE");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return this.sql;
        }
    }

    static Condition and(List<Condition> conditions) {
        return conditions.size() == 1 ? conditions.get(0) : new And(conditions);
    }
}
