package io.schemaspring.repo.internal.sql;

import java.util.List;

/**
 * A WHERE condition. Every value is a bound parameter ({@code ?}), never text in the SQL.
 */
public sealed interface Condition permits Condition.Compare, Condition.Columns, Condition.In, Condition.AnyOf,
        Condition.IsNull, Condition.Never, Condition.And, Condition.Or, Condition.Not, Condition.Fragment,
        Condition.Computed, Condition.InSelect, Condition.Exists {

    /** {@code column op ?}. */
    record Compare(Column column, Operator operator) implements Condition {
    }

    /** {@code left op right}: two columns compared, as in a join's ON. */
    record Columns(Column left, Operator operator, Column right) implements Condition {
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

    /** {@code (a OR b OR ...)}. */
    record Or(List<Condition> conditions) implements Condition {
        public Or {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code NOT (condition)}. */
    record Not(Condition condition) implements Condition {
    }

    /**
     * How a literal question mark operator stands in a fragment's parts, for the dialect
     * to spell; a character SQL text never holds.
     */
    char LITERAL_QUESTION_MARK = '\0';

    /**
     * SQL written by the programmer: {@code parts} around each {@code ?} of the template,
     * and for each {@code ?} a column to render in its place, or empty for a bound
     * parameter.
     */
    record Fragment(List<String> parts, List<java.util.Optional<Column>> arguments) implements Condition {
        public Fragment {
            parts = List.copyOf(parts);
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * A value the database computes, as the dialect spells it: {@code parts} around each
     * argument, a {@link Column}, a nested {@link Condition} (in parentheses) or a
     * {@link Parameter}.
     */
    record Computed(List<String> parts, List<Object> arguments) implements Condition {
        public Computed {
            parts = List.copyOf(parts);
            arguments = List.copyOf(arguments);
            if (parts.size() != arguments.size() + 1) {
                throw new IllegalArgumentException(
                        arguments.size() + " arguments need " + (arguments.size() + 1) + " parts, got " + parts);
            }
        }
    }

    /** A bound parameter ({@code ?}) among the arguments of a {@link Computed}. */
    record Parameter() {
    }

    /** {@code column IN (SELECT ...)}. */
    record InSelect(Column column, Select select) implements Condition {
    }

    /** {@code EXISTS (SELECT ...)}. */
    record Exists(Select select) implements Condition {
    }

    /** Comparison operators. */
    enum Operator {

        EQ("="), NOT_EQ("<>"), LT("<"), LTE("<="), GT(">"), GTE(">="), LIKE("LIKE"),
        /**
         * Case-insensitive LIKE, as
         * {@link io.schemaspring.repo.dialect.Dialect#caseInsensitiveLike(String)} spells
         * it.
         */
        ILIKE("ILIKE");

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
