package io.schemaspring.query;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One value of a {@link ProjectionQuery}: a field (a joined one by its path,
 * {@code "user.name"}) or an aggregate of one ({@code count}, {@code sum}, {@code avg},
 * {@code min}, {@code max}; {@code count()} counts rows). Its name is the record
 * component or class field it fills: {@link #as(String)}, or the path in camel case
 * ({@code "user.name"} fills {@code userName}).
 */
public final class Selection {

    private final @Nullable Aggregate aggregate;

    private final @Nullable String path;

    private final @Nullable String alias;

    private final boolean distinct;

    private Selection(@Nullable Aggregate aggregate, @Nullable String path, @Nullable String alias, boolean distinct) {
        this.aggregate = aggregate;
        this.path = path;
        this.alias = alias;
        this.distinct = distinct;
    }

    private Selection(@Nullable Aggregate aggregate, @Nullable String path, @Nullable String alias) {
        this(aggregate, path, alias, false);
    }

    /**
     * The value of a field, a joined one by its path ({@code "user.name"}): it fills the
     * component named after the path in camel case unless {@link #as(String)} names
     * another.
     */
    public static Selection field(String path) {
        return new Selection(null, Objects.requireNonNull(path, "Field must not be null"), null);
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
                this.distinct);
    }

    /** The aggregate applied to {@link #path()}; {@code null} for a plain field. */
    public @Nullable Aggregate aggregate() {
        return this.aggregate;
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
        String value = this.aggregate == null ? this.path : this.aggregate.name().toLowerCase(Locale.ROOT) + "("
                + (this.distinct ? "distinct " : "") + (this.path == null ? "*" : this.path) + ")";
        return this.alias == null ? value : value + " as " + this.alias;
    }

}
