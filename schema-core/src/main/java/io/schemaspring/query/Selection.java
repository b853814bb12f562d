package io.schemaspring.query;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * One value of a {@link ProjectionQuery}: a field (a joined one by its path,
 * {@code "user.name"}) or an aggregate of one ({@code count}, {@code sum}, {@code avg},
 * {@code min}, {@code max}; {@code count()} counts rows), or a window function
 * ({@code rowNumber}, {@code rank}, {@code lag}, ...) over a window; an aggregate given
 * {@link #over(Over)} runs over its window too (Ecto's {@code over/2}). Its name is the
 * record component or class field it fills: {@link #as(String)}, or the path in camel
 * case ({@code "user.name"} fills {@code userName}).
 */
public final class Selection {

    /** A window function: it needs {@link #over(Over)} or {@link #over(String)}. */
    public enum WindowFunction {

        /** The row's number within its partition, from 1: a {@code Long}. */
        ROW_NUMBER,
        /** The row's rank within its partition, with gaps after ties: a {@code Long}. */
        RANK,
        /** The row's rank within its partition, without gaps: a {@code Long}. */
        DENSE_RANK,
        /** The field's value a number of rows before, of the field's type. */
        LAG,
        /** The field's value a number of rows after, of the field's type. */
        LEAD,
        /** The field's value in the first row of the window frame. */
        FIRST_VALUE,
        /** The field's value in the last row of the window frame. */
        LAST_VALUE

    }

    private final @Nullable Aggregate aggregate;

    private final @Nullable String path;

    private final @Nullable String alias;

    private final boolean distinct;

    private final @Nullable WindowFunction function;

    private final int offset;

    private final @Nullable Over over;

    private final @Nullable String window;

    private final Expr.@Nullable Sql expression;

    private final @Nullable Expr filter;

    private final boolean struct;

    private final @Nullable Value value;

    private Selection(@Nullable Aggregate aggregate, @Nullable String path, @Nullable String alias, boolean distinct,
            @Nullable WindowFunction function, int offset, @Nullable Over over, @Nullable String window,
            Expr.@Nullable Sql expression, @Nullable Expr filter, boolean struct, @Nullable Value value) {
        this.struct = struct;
        this.value = value;
        this.filter = filter;
        this.aggregate = aggregate;
        this.path = path;
        this.alias = alias;
        this.distinct = distinct;
        this.function = function;
        this.offset = offset;
        this.over = over;
        this.window = window;
        this.expression = expression;
    }

    private Selection(@Nullable Aggregate aggregate, @Nullable String path, @Nullable String alias, boolean distinct,
            @Nullable WindowFunction function, int offset, @Nullable Over over, @Nullable String window) {
        this(aggregate, path, alias, distinct, function, offset, over, window, null, null, false, null);
    }

    /**
     * Ecto's {@code fragment} in a {@code select}: a value computed by SQL you write,
     * {@code ?} bound to the arguments ({@code Expr.field(...)} as a column),
     * {@code Selection.sql("concat(?, ?)", Expr.field("title"), "!").as("title")}. Name
     * it with {@link #as(String)}; it is read as the component's type.
     */
    public static Selection sql(String template, Object... args) {
        return new Selection(null, null, null, false, null, 0, null, null, (Expr.Sql) Expr.sql(template, args), null,
                false, null);
    }

    /**
     * Ecto's pinned value in a {@code select} ({@code ^value}): the value itself, bound
     * as a parameter; name it with {@link #as(String)}.
     */
    public static Selection value(Object value) {
        Objects.requireNonNull(value, "Value must not be null: select a null with Selection.sql(\"NULL\")");
        return sql("?", value);
    }

    /**
     * Ecto's {@code filter/2} on an aggregate: it aggregates only the rows the condition
     * holds for ({@code count(p.id) |> filter(p.visits > 1)}); ANDed with an earlier
     * filter. PostgreSQL and H2 render {@code FILTER (WHERE ...)}, MariaDB a
     * {@code CASE WHEN} inside the aggregate.
     */
    public Selection filter(Expr condition) {
        Objects.requireNonNull(condition, "Condition must not be null");
        if (this.aggregate == null || this.value != null) {
            throw new InvalidDataAccessApiUsageException(
                    "filter takes an aggregate (count, sum, avg, min, max) of a field, not " + this);
        }
        Expr all = this.filter == null ? condition : Expr.and(this.filter, condition);
        return new Selection(this.aggregate, this.path, this.alias, this.distinct, this.function, this.offset,
                this.over, this.window, this.expression, all, false, null);
    }

    /** The condition of {@link #filter(Expr)}, {@code null} when none. */
    public @Nullable Expr filter() {
        return this.filter;
    }

    /** The SQL of {@link #sql} and {@link #value}, {@code null} for the others. */
    public Expr.@Nullable Sql expression() {
        return this.expression;
    }

    private Selection(@Nullable Aggregate aggregate, @Nullable String path, @Nullable String alias, boolean distinct) {
        this(aggregate, path, alias, distinct, null, 0, null, null);
    }

    private Selection(@Nullable Aggregate aggregate, @Nullable String path, @Nullable String alias) {
        this(aggregate, path, alias, false);
    }

    private static Selection function(WindowFunction function, @Nullable String path, int offset) {
        if (offset < 0) {
            throw new InvalidDataAccessApiUsageException(
                    function.name().toLowerCase(Locale.ROOT) + " takes a non-negative offset, got " + offset);
        }
        return new Selection(null, path, null, false, function, offset, null, null);
    }

    /**
     * Ecto's {@code row_number()}: the row's number within its window's partition, from
     * 1.
     */
    public static Selection rowNumber() {
        return function(WindowFunction.ROW_NUMBER, null, 0);
    }

    /** Ecto's {@code rank()}: ties share a rank, and the next rank leaves a gap. */
    public static Selection rank() {
        return function(WindowFunction.RANK, null, 0);
    }

    /** Ecto's {@code dense_rank()}: ties share a rank, without gaps. */
    public static Selection denseRank() {
        return function(WindowFunction.DENSE_RANK, null, 0);
    }

    /**
     * Ecto's {@code lag(field)}: the field's value in the row before, null for the first.
     */
    public static Selection lag(String path) {
        return lag(path, 1);
    }

    /**
     * Ecto's {@code lag(field, offset)}: the field's value {@code offset} rows before.
     */
    public static Selection lag(String path, int offset) {
        return function(WindowFunction.LAG, Objects.requireNonNull(path, "Field must not be null"), offset);
    }

    /**
     * Ecto's {@code lead(field)}: the field's value in the row after, null for the last.
     */
    public static Selection lead(String path) {
        return lead(path, 1);
    }

    /**
     * Ecto's {@code lead(field, offset)}: the field's value {@code offset} rows after.
     */
    public static Selection lead(String path, int offset) {
        return function(WindowFunction.LEAD, Objects.requireNonNull(path, "Field must not be null"), offset);
    }

    /**
     * Ecto's {@code first_value(field)}: the field's value in the first row of the frame.
     */
    public static Selection firstValue(String path) {
        return function(WindowFunction.FIRST_VALUE, Objects.requireNonNull(path, "Field must not be null"), 0);
    }

    /**
     * Ecto's {@code last_value(field)}: the field's value in the last row of the frame.
     */
    public static Selection lastValue(String path) {
        return function(WindowFunction.LAST_VALUE, Objects.requireNonNull(path, "Field must not be null"), 0);
    }

    /**
     * Ecto's {@code over/2}: this window function, or this aggregate, computed over the
     * window of each row instead of collapsing rows.
     */
    public Selection over(Over over) {
        requireWindowed();
        return new Selection(this.aggregate, this.path, this.alias, this.distinct, this.function, this.offset,
                Objects.requireNonNull(over, "Over must not be null"), null, null, this.filter, false, null);
    }

    /**
     * Ecto's {@code over(:name)}: over a window the projection names with
     * {@link ProjectionQuery#window(String, Over)}.
     */
    public Selection over(String window) {
        requireWindowed();
        return new Selection(this.aggregate, this.path, this.alias, this.distinct, this.function, this.offset, null,
                Objects.requireNonNull(window, "Window name must not be null"), null, this.filter, false, null);
    }

    private void requireWindowed() {
        if (this.value != null) {
            throw new InvalidDataAccessApiUsageException(
                    "over takes an aggregate of a field or a window function, not " + this);
        }
        if (this.aggregate == null && this.function == null) {
            throw new InvalidDataAccessApiUsageException(
                    "over takes an aggregate or a window function, not the field " + this.path);
        }
        if (this.distinct) {
            throw new InvalidDataAccessApiUsageException(
                    "a distinct count cannot run over a window (no database has COUNT(DISTINCT ...) OVER)");
        }
    }

    /**
     * The value of a field, a joined one by its path ({@code "user.name"}): it fills the
     * component named after the path in camel case unless {@link #as(String)} names
     * another.
     */
    public static Selection field(String path) {
        return new Selection(null, Objects.requireNonNull(path, "Field must not be null"), null);
    }

    /**
     * Ecto's {@code select: {p, c}}: the whole struct of the query's schema, name it with
     * {@link #as(String)}; a record component of the query's schema class is filled so
     * without naming it.
     */
    public static Selection struct() {
        return new Selection(null, null, null, false, null, 0, null, null, null, null, true, null);
    }

    /**
     * The whole struct of a joined association path or join name ({@code "comments"},
     * {@code "c"}), null where a left join found no row; it fills the component named
     * after the path in camel case unless {@link #as(String)} names another.
     */
    public static Selection struct(String path) {
        return new Selection(null, Objects.requireNonNull(path, "Join path must not be null"), null, false, null, 0,
                null, null, null, null, true, null);
    }

    /**
     * A value computed by the database ({@link Value}: Ecto's {@code datetime_add},
     * {@code coalesce}, ...), read as the component's type; name it with
     * {@link #as(String)}.
     */
    public static Selection of(Value value) {
        return new Selection(null, null, null, false, null, 0, null, null, null, null, false,
                Objects.requireNonNull(value, "Value must not be null"));
    }

    /**
     * An aggregate of a computed value, Ecto's {@code min(coalesce(p.visits, 0))}:
     * {@code Selection.of(Aggregate.MIN, Value.coalesce(...))}; name it with
     * {@link #as(String)}.
     */
    public static Selection of(Aggregate aggregate, Value value) {
        return new Selection(Objects.requireNonNull(aggregate, "Aggregate must not be null"), null, null, false, null,
                0, null, null, null, null, false, Objects.requireNonNull(value, "Value must not be null"));
    }

    /** The computed value of {@link #of(Value)}, {@code null} for the others. */
    public @Nullable Value value() {
        return this.value;
    }

    /**
     * Whether this selects a whole struct ({@link #struct()}, {@link #struct(String)}).
     */
    public boolean isStruct() {
        return this.struct;
    }

    /** {@code COUNT(*)}: name it with {@link #as(String)}. */
    public static Selection count() {
        return new Selection(Aggregate.COUNT, null, null);
    }

    /** The number of rows whose field is not null. */
    public static Selection count(String path) {
        return new Selection(Aggregate.COUNT, path, null);
    }

    /**
     * The number of distinct non-null values of the field, Ecto's
     * {@code count(p.title, :distinct)}: {@code COUNT(DISTINCT title)}.
     */
    public static Selection countDistinct(String path) {
        return new Selection(Aggregate.COUNT, Objects.requireNonNull(path, "Field must not be null"), null, true);
    }

    /** {@code SUM} of a numeric field over the rows (of each group when grouped). */
    public static Selection sum(String path) {
        return new Selection(Aggregate.SUM, path, null);
    }

    /**
     * {@code AVG}, the mean of a numeric field over the rows (of each group when
     * grouped).
     */
    public static Selection avg(String path) {
        return new Selection(Aggregate.AVG, path, null);
    }

    /**
     * {@code MIN}, the least value of the field over the rows (of each group when
     * grouped).
     */
    public static Selection min(String path) {
        return new Selection(Aggregate.MIN, path, null);
    }

    /**
     * {@code MAX}, the greatest value of the field over the rows (of each group when
     * grouped).
     */
    public static Selection max(String path) {
        return new Selection(Aggregate.MAX, path, null);
    }

    /** The record component or field this value fills. */
    public Selection as(String name) {
        return new Selection(this.aggregate, this.path, Objects.requireNonNull(name, "Name must not be null"),
                this.distinct, this.function, this.offset, this.over, this.window, this.expression, this.filter,
                this.struct, this.value);
    }

    /** The aggregate applied to {@link #path()}; {@code null} for a plain field. */
    public @Nullable Aggregate aggregate() {
        return this.aggregate;
    }

    /** The window function, {@code null} for a field or an aggregate. */
    public @Nullable WindowFunction function() {
        return this.function;
    }

    /** The row offset of {@code lag} and {@code lead}; 0 for the others. */
    public int offset() {
        return this.offset;
    }

    /** The window given inline with {@link #over(Over)}, {@code null} when none. */
    public @Nullable Over over() {
        return this.over;
    }

    /** The named window of {@link #over(String)}, {@code null} when none. */
    public @Nullable String window() {
        return this.window;
    }

    /** Whether the value runs over a window (inline or named). */
    public boolean windowed() {
        return this.over != null || this.window != null;
    }

    /** Whether the aggregate counts distinct values only ({@link #countDistinct}). */
    public boolean distinct() {
        return this.distinct;
    }

    /**
     * The field, joined fields by path ({@code "user.name"}); {@code null} for
     * {@code count()}.
     */
    public @Nullable String path() {
        return this.path;
    }

    /** The component it fills; {@code null} for an unnamed {@code count()}. */
    public @Nullable String name() {
        if (this.alias != null) {
            return this.alias;
        }
        if (this.path == null) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        for (String step : this.path.split("\\.")) {
            name.append(name.length() == 0 ? step : step.substring(0, 1).toUpperCase(Locale.ROOT) + step.substring(1));
        }
        return name.toString();
    }

    @Override
    public String toString() {
        String value;
        if (this.struct) {
            value = "struct(" + (this.path == null ? "" : this.path) + ")";
        }
        else if (this.value != null) {
            value = this.aggregate == null ? this.value.toString()
                    : this.aggregate.name().toLowerCase(Locale.ROOT) + "(" + this.value + ")";
        }
        else if (this.expression != null) {
            value = "sql(" + this.expression.template() + ")";
        }
        else if (this.function != null) {
            value = this.function.name().toLowerCase(Locale.ROOT) + "(" + (this.path == null ? "" : this.path)
                    + (this.offset > 0 ? ", " + this.offset : "") + ")";
        }
        else {
            value = this.aggregate == null ? this.path : this.aggregate.name().toLowerCase(Locale.ROOT) + "("
                    + (this.distinct ? "distinct " : "") + (this.path == null ? "*" : this.path) + ")";
        }
        if (this.filter != null) {
            value += " filter " + this.filter;
        }
        if (this.over != null) {
            value += " over " + this.over;
        }
        else if (this.window != null) {
            value += " over " + this.window;
        }
        return this.alias == null ? value : value + " as " + this.alias;
    }

}
