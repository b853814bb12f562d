package io.schemaspring.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A boolean expression of {@link Query#where(Expr)} and {@link Query#orWhere(Expr)},
 * Ecto's {@code where: ... and ... or not ...} and {@code fragment}. Values are cast to
 * the field's type and bound as parameters; the SQL is cached by the expression's shape,
 * never its values.
 *
 * <pre>{@code
 * Expr.or(Expr.eq("published", true), Expr.and(Expr.compare("rating", Op.GTE, 3), Expr.not(Expr.isNull("title"))))
 * Expr.sql("lower(?) = ?", Expr.field("title"), "elixir")
 * Expr.in("id", Query.from(Comment.class).where("approved", true), "postId")
 * }</pre>
 */
public sealed interface Expr permits Expr.Compare, Expr.ValueCompare, Expr.In, Expr.IsNull, Expr.And, Expr.Or, Expr.Not,
        Expr.Sql, Expr.InQuery, Expr.Exists {

    /** A field named in a fragment: rendered as its quoted column. */
    record Field(String name) {

        /**
         * A reference to the schema field {@code name}; a {@code null} name is refused.
         */
        public Field {
            Objects.requireNonNull(name, "Field must not be null");
        }
    }

    /** {@code field op value}. */
    record Compare(String field, Query.Op op, Object value) implements Expr {
    }

    /**
     * A field of the query a subquery is part of, Ecto's {@code parent_as(:p).visits}:
     * the value of a comparison inside the subquery's conditions (a correlated subquery).
     */
    record Parent(String name) {

        /** A reference to the parent's field {@code name}; {@code null} is refused. */
        public Parent {
            Objects.requireNonNull(name, "Field must not be null");
        }
    }

    /**
     * {@code left op right}: a computed {@link Value} compared with another or with a
     * value bound as a parameter.
     */
    record ValueCompare(Value left, Query.Op op, Object right) implements Expr {
    }

    /** {@code field IN (values)}; an empty list matches nothing. */
    record In(String field, List<Object> values) implements Expr {
    }

    /** {@code field IS NULL}, or {@code IS NOT NULL} when negated. */
    record IsNull(String field, boolean negated) implements Expr {
    }

    /** Every expression holds. */
    record And(List<Expr> exprs) implements Expr {
    }

    /** One of the expressions holds. */
    record Or(List<Expr> exprs) implements Expr {
    }

    /** The expression does not hold. */
    record Not(Expr expr) implements Expr {
    }

    /**
     * A fragment of SQL: each {@code ?} takes one argument, a {@link Field} as its
     * column, anything else bound.
     */
    record Sql(String template, List<Object> args) implements Expr {

        /**
         * How an escaped question mark outside string literals (a literal operator, not a
         * parameter) stands in {@link #parts()}: a character SQL text never holds.
         */
        public static final char LITERAL_QUESTION_MARK = '\0';

        /**
         * The template cut at each parameter marker (a {@code ?} outside single-quoted
         * string literals, not escaped as {@code \\?}); an escaped question mark is
         * {@link #LITERAL_QUESTION_MARK} in its part, for the dialect to spell.
         */
        public List<String> parts() {
            return FragmentTemplate.parts(this.template);
        }

    }

    /** {@code field IN (SELECT selected FROM ... WHERE ...)}. */
    record InQuery(String field, Query<?> query, String selected) implements Expr {
    }

    /**
     * {@code EXISTS (SELECT 1 FROM ... WHERE ...)}; the subquery is not correlated with
     * the outer query.
     */
    record Exists(Query<?> query) implements Expr {
    }

    /**
     * A field for {@link #sql(String, Object...)}: its {@code ?} renders as the field's
     * quoted column instead of a bound value.
     */
    static Field field(String name) {
        return new Field(name);
    }

    /**
     * Ecto's {@code parent_as(:p).field}: inside the conditions of a subquery
     * ({@link #exists(Query)}, {@link #in(String, Query, String)}), the field of the
     * query the subquery is part of, for that query's row:
     * {@code Expr.exists(Query.from(Comment.class).where(Expr.eq("postId", Expr.parent("id"))))}.
     */
    static Parent parent(String name) {
        return new Parent(name);
    }

    /**
     * {@code field == value}; a null value is refused, as in Ecto: use
     * {@link #isNull(String)}.
     */
    static Expr eq(String field, Object value) {
        return compare(field, Query.Op.EQ, value);
    }

    /**
     * {@code field op value}; the value may be a computed {@link Value} or
     * {@link #field(String)} (another field). Comparing with null is refused, as in Ecto,
     * with an {@link InvalidDataAccessApiUsageException}: use {@link #isNull(String)} or
     * {@link #isNotNull(String)}.
     */
    static Expr compare(String field, Query.Op op, Object value) {
        Objects.requireNonNull(field, "Field must not be null");
        Objects.requireNonNull(op, "Operator must not be null");
        if (value == null) {
            throw new InvalidDataAccessApiUsageException(
                    "null given for :" + field + ". Comparison with null is forbidden as it "
                            + "is unsafe. Instead write a query with whereNull(\"" + field + "\") or whereNotNull(\""
                            + field + "\")");
        }
        return new Compare(field, op, value);
    }

    /**
     * A computed value compared with another {@link Value} or with a value bound as a
     * parameter: {@code Expr.compare(Value.datetimeAdd("insertedAt", 1, Unit.DAY), Op.GT,
     * now)}. Comparing with null is refused.
     */
    static Expr compare(Value left, Query.Op op, Object right) {
        Objects.requireNonNull(left, "Value must not be null");
        Objects.requireNonNull(op, "Operator must not be null");
        if (right == null) {
            throw new InvalidDataAccessApiUsageException(
                    "null given to compare with " + left + ". Comparison with null is forbidden as it is unsafe");
        }
        if (left instanceof Value.Field field && !(right instanceof Value)) {
            return compare(field.name(), op, right);
        }
        return new ValueCompare(left, op, right);
    }

    /**
     * {@code field IN (values)}, Ecto's {@code field in ^values}: an empty collection
     * matches nothing; a null among the values is refused (use {@link #isNull(String)}).
     */
    static Expr in(String field, Collection<?> values) {
        Objects.requireNonNull(field, "Field must not be null");
        Objects.requireNonNull(values, "Values must not be null");
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new InvalidDataAccessApiUsageException(
                    "null given in the values of :" + field + ". Use whereNull(\"" + field + "\") for null");
        }
        return new In(field, List.copyOf(values));
    }

    /**
     * {@code field IN (SELECT selected FROM query)}: {@code selected} is a field of the
     * subquery's schema.
     */
    static Expr in(String field, Query<?> query, String selected) {
        Objects.requireNonNull(field, "Field must not be null");
        Objects.requireNonNull(query, "Subquery must not be null");
        Objects.requireNonNull(selected, "Selected field must not be null");
        return new InQuery(field, query, selected);
    }

    /**
     * {@code EXISTS (SELECT 1 FROM ... WHERE ...)}, Ecto's {@code exists(subquery)}: true
     * when the subquery matches any row; it is not correlated with the outer query.
     */
    static Expr exists(Query<?> query) {
        return new Exists(Objects.requireNonNull(query, "Subquery must not be null"));
    }

    /** {@code field IS NULL}, Ecto's {@code is_nil(field)}. */
    static Expr isNull(String field) {
        return new IsNull(Objects.requireNonNull(field, "Field must not be null"), false);
    }

    /** {@code field IS NOT NULL}, Ecto's {@code not is_nil(field)}. */
    static Expr isNotNull(String field) {
        return new IsNull(Objects.requireNonNull(field, "Field must not be null"), true);
    }

    /**
     * Every expression holds, Ecto's {@code and}; at least one expression must be given.
     */
    static Expr and(Expr... exprs) {
        return new And(requireSome("and", exprs));
    }

    /**
     * One of the expressions holds, Ecto's {@code or}; at least one expression must be
     * given.
     */
    static Expr or(Expr... exprs) {
        return new Or(requireSome("or", exprs));
    }

    /** The expression does not hold, Ecto's {@code not}. */
    static Expr not(Expr expr) {
        return new Not(Objects.requireNonNull(expr, "Expression must not be null"));
    }

    /**
     * Ecto's {@code fragment}:
     * {@code Expr.sql("lower(?) = ?", Expr.field("title"), "elixir")}. The template is
     * SQL written by the programmer, never built from input; the number of {@code ?} must
     * match the arguments. A {@code ?} inside a single-quoted string literal is text, and
     * {@code \\?} (as written in a Java string) is a literal question mark operator
     * (PostgreSQL's jsonb {@code ?}, {@code ?|}, {@code ?&}:
     * {@code Expr.sql("? \\? ?", Expr.field("meta"), "key")}), refused on databases whose
     * driver reads every {@code ?} as a parameter.
     */
    static Expr sql(String template, Object... args) {
        Objects.requireNonNull(template, "Template must not be null");
        int markers = FragmentTemplate.parts(template).size() - 1;
        if (markers != args.length) {
            throw new InvalidDataAccessApiUsageException("fragment \"" + template + "\" has " + markers + " ? but "
                    + args.length + (args.length == 1 ? " argument was given" : " arguments were given"));
        }
        if (Arrays.stream(args).anyMatch(Objects::isNull)) {
            throw new InvalidDataAccessApiUsageException("null given as an argument of fragment \"" + template
                    + "\": write the null test in the template (IS NULL)");
        }
        return new Sql(template, List.of(args));
    }

    private static List<Expr> requireSome(String name, Expr[] exprs) {
        if (exprs.length == 0) {
            throw new InvalidDataAccessApiUsageException(name + "(...) needs at least one expression");
        }
        return List.of(exprs);
    }

}
