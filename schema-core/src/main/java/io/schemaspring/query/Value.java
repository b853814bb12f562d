package io.schemaspring.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A value computed by the database, for {@link Selection#of(Value)} and for either side
 * of {@link Expr#compare(String, Query.Op, Object)}: a field, a bound value, Ecto's
 * interval functions ({@code datetime_add}, {@code date_add}, {@code ago},
 * {@code from_now}) and {@code coalesce}. Each database spells them its own way; every
 * value is bound as a parameter.
 *
 * <pre>{@code
 * Selection.of(Value.dateAdd("posted", 1, Value.Unit.YEAR)).as("nextYear")
 * Expr.compare("insertedAt", Op.GT, Value.ago(3, Value.Unit.DAY))
 * Selection.of(Value.coalesce(Value.field("title"), Value.of("untitled"))).as("title")
 * }</pre>
 */
public sealed interface Value permits Value.Field, Value.Bound, Value.IntervalAdd, Value.Coalesce, Value.Now,
        Value.Arithmetic, Value.Cast, Value.When, Value.JsonPath {

    /** The units of Ecto's interval functions. */
    enum Unit {

        YEAR, MONTH, WEEK, DAY, HOUR, MINUTE, SECOND, MILLISECOND, MICROSECOND

    }

    /** The operators of {@link Arithmetic}. */
    enum Operator {

        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        /** The operator as SQL writes it. */
        public String sql() {
            return this.sql;
        }

    }

    /** {@code left op right}, Ecto's arithmetic in queries. */
    record Arithmetic(Value left, Operator operator, Value right) implements Value {
    }

    /**
     * Ecto's {@code type(value, :integer)}: the value cast to the field type's column
     * type.
     */
    record Cast(Value value, io.schemaspring.type.FieldType type) implements Value {
    }

    /**
     * {@code CASE WHEN condition THEN then ELSE otherwise END}: Ecto's conditional
     * fragments as a value.
     */
    record When(Expr condition, Value then, Value otherwise) implements Value {
    }

    /**
     * Ecto's {@code json_extract_path(p.meta, ["author", "name"])}: the text at a path of
     * keys (strings) and array indexes (integers) in a JSON field, null where there is
     * none.
     */
    record JsonPath(String field, List<Object> path) implements Value {
    }

    /** A field of the query (a joined one by its path). */
    record Field(String name) implements Value {
    }

    /** A value bound as a parameter. */
    record Bound(Object value) implements Value {
    }

    /**
     * {@code base} plus {@code amount} units: a timestamp, or a date when {@code date}
     * (Ecto's {@code date_add}).
     */
    record IntervalAdd(Value base, Number amount, Unit unit, boolean date) implements Value {
    }

    /** The first of the values that is not null, Ecto's {@code coalesce}. */
    record Coalesce(List<Value> values) implements Value {
    }

    /**
     * The repository clock's current UTC time, bound when the query runs ({@code ago} and
     * {@code from_now} add to it).
     */
    record Now() implements Value {
    }

    /** A field of the query, {@code "user.name"} for a joined one. */
    static Value field(String name) {
        return new Field(Objects.requireNonNull(name, "Field must not be null"));
    }

    /** A value bound as a parameter, Ecto's {@code ^value}; null is refused. */
    static Value of(Object value) {
        return new Bound(Objects.requireNonNull(value, "Value must not be null"));
    }

    /**
     * Ecto's {@code datetime_add(p.inserted_at, amount, unit)}: the field's timestamp
     * plus the amount (an integer, a decimal or a double; negative goes back).
     */
    static Value datetimeAdd(String field, Number amount, Unit unit) {
        return datetimeAdd(field(field), amount, unit);
    }

    /** {@link #datetimeAdd(String, Number, Unit)} of any timestamp value. */
    static Value datetimeAdd(Value base, Number amount, Unit unit) {
        return new IntervalAdd(requireTemporal(base, LocalDateTime.class), requireAmount(amount),
                Objects.requireNonNull(unit, "Unit must not be null"), false);
    }

    /**
     * Ecto's {@code date_add(p.posted, amount, unit)}: the field's date plus the amount,
     * a date (hours added to a date count whole days).
     */
    static Value dateAdd(String field, Number amount, Unit unit) {
        return dateAdd(field(field), amount, unit);
    }

    /** {@link #dateAdd(String, Number, Unit)} of any date value. */
    static Value dateAdd(Value base, Number amount, Unit unit) {
        return new IntervalAdd(requireTemporal(base, LocalDate.class), requireAmount(amount),
                Objects.requireNonNull(unit, "Unit must not be null"), true);
    }

    /**
     * Ecto's {@code ago(amount, unit)}: the repository clock's UTC time minus the amount.
     */
    static Value ago(Number amount, Unit unit) {
        Number given = requireAmount(amount);
        return datetimeAdd(new Now(), new BigDecimal(given.toString()).negate(), unit);
    }

    /**
     * Ecto's {@code from_now(amount, unit)}: the repository clock's UTC time plus the
     * amount.
     */
    static Value fromNow(Number amount, Unit unit) {
        return datetimeAdd(new Now(), amount, unit);
    }

    /**
     * Ecto's {@code coalesce(a, b)}: the first value that is not null; at least two
     * values.
     */
    static Value coalesce(Value... values) {
        if (values.length < 2) {
            throw new InvalidDataAccessApiUsageException("coalesce takes at least two values, got " + values.length);
        }
        return new Coalesce(List.of(values));
    }

    /** {@code left + right}. */
    static Value add(Value left, Value right) {
        return new Arithmetic(Objects.requireNonNull(left), Operator.ADD, Objects.requireNonNull(right));
    }

    /** {@code left - right}. */
    static Value subtract(Value left, Value right) {
        return new Arithmetic(Objects.requireNonNull(left), Operator.SUBTRACT, Objects.requireNonNull(right));
    }

    /** {@code left * right}. */
    static Value multiply(Value left, Value right) {
        return new Arithmetic(Objects.requireNonNull(left), Operator.MULTIPLY, Objects.requireNonNull(right));
    }

    /** {@code left / right}: integer division on integers, as the database divides. */
    static Value divide(Value left, Value right) {
        return new Arithmetic(Objects.requireNonNull(left), Operator.DIVIDE, Objects.requireNonNull(right));
    }

    /**
     * Ecto's {@code type(value, type)}: the value cast to the column type of a field
     * type.
     */
    static Value cast(Value value, io.schemaspring.type.FieldType type) {
        Objects.requireNonNull(type, "Type must not be null");
        if (type == io.schemaspring.type.FieldType.ANY || type == io.schemaspring.type.FieldType.DEFAULT
                || type == io.schemaspring.type.FieldType.MAP) {
            throw new InvalidDataAccessApiUsageException("cast takes a scalar field type, not " + type);
        }
        return new Cast(Objects.requireNonNull(value, "Value must not be null"), type);
    }

    /** {@code CASE WHEN condition THEN then ELSE otherwise END}. */
    static Value when(Expr condition, Value then, Value otherwise) {
        return new When(Objects.requireNonNull(condition, "Condition must not be null"),
                Objects.requireNonNull(then, "Value must not be null"),
                Objects.requireNonNull(otherwise, "Value must not be null"));
    }

    /**
     * Ecto's {@code json_extract_path}: the text at {@code path} (keys and array indexes)
     * in a JSON field; refused on databases without JSON paths (H2).
     */
    static Value jsonPath(String field, Object... path) {
        Objects.requireNonNull(field, "Field must not be null");
        if (path.length == 0) {
            throw new InvalidDataAccessApiUsageException("jsonPath needs at least one key or index");
        }
        for (Object step : path) {
            if (!(step instanceof String) && !(step instanceof Integer)) {
                throw new InvalidDataAccessApiUsageException(
                        "a JSON path takes keys (String) and array indexes (Integer), not " + step);
            }
        }
        return new JsonPath(field, List.of(path));
    }

    private static Value requireTemporal(Value base, Class<? extends Temporal> type) {
        Objects.requireNonNull(base, "Value must not be null");
        if (base instanceof Bound bound && !type.isInstance(bound.value())) {
            throw new InvalidDataAccessApiUsageException(
                    (type == LocalDate.class ? "dateAdd" : "datetimeAdd") + " takes a " + type.getSimpleName()
                            + ", not " + bound.value().getClass().getSimpleName() + " " + bound.value());
        }
        return base;
    }

    private static Number requireAmount(Number amount) {
        Objects.requireNonNull(amount, "Amount must not be null");
        if (!(amount instanceof Integer || amount instanceof Long || amount instanceof Double
                || amount instanceof BigDecimal || amount instanceof Float || amount instanceof Short)) {
            throw new InvalidDataAccessApiUsageException(
                    "an interval amount is an integer, a double or a BigDecimal, not " + amount.getClass().getName());
        }
        return amount;
    }

}
