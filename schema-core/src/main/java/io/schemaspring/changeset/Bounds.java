package io.schemaspring.changeset;

import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link Changeset#validateNumber}, checked in Ecto's order:
 * {@code Bounds.greaterThan(0).lessThanOrEqualTo(100)}. Cheap to build per validation: whole
 * numbers are compared as {@code long}s, other numbers as {@code BigDecimal}s.
 */
public final class Bounds {

    private static final int KINDS = 6;

    private final String[] kinds = new String[KINDS];
    private final Number[] numbers = new Number[KINDS];
    private int count;

    private Bounds() {
    }

    /** The value must be less than {@code number}, Ecto's {@code less_than}. */
    public static Bounds lessThan(Number number) {
        return new Bounds().and("less_than", number);
    }

    /** The value must be greater than {@code number}, Ecto's {@code greater_than}. */
    public static Bounds greaterThan(Number number) {
        return new Bounds().and("greater_than", number);
    }

    /** The value must be at most {@code number}, Ecto's {@code less_than_or_equal_to}. */
    public static Bounds lessThanOrEqualTo(Number number) {
        return new Bounds().and("less_than_or_equal_to", number);
    }

    /** The value must be at least {@code number}, Ecto's {@code greater_than_or_equal_to}. */
    public static Bounds greaterThanOrEqualTo(Number number) {
        return new Bounds().and("greater_than_or_equal_to", number);
    }

    /** The value must equal {@code number}, Ecto's {@code equal_to}. */
    public static Bounds equalTo(Number number) {
        return new Bounds().and("equal_to", number);
    }

    /** The value must not equal {@code number}, Ecto's {@code not_equal_to}. */
    public static Bounds notEqualTo(Number number) {
        return new Bounds().and("not_equal_to", number);
    }

    /**
     * Also requires the value to be less than {@code number}, Ecto's {@code less_than}; a
     * {@code less_than} given before keeps its place in the order and takes this number.
     */
    public Bounds andLessThan(Number number) {
        return and("less_than", number);
    }

    /**
     * Also requires the value to be greater than {@code number}, Ecto's {@code greater_than}; a
     * {@code greater_than} given before keeps its place in the order and takes this number.
     */
    public Bounds andGreaterThan(Number number) {
        return and("greater_than", number);
    }

    /**
     * Also requires the value to be at most {@code number}, Ecto's {@code less_than_or_equal_to}; a
     * {@code less_than_or_equal_to} given before keeps its place in the order and takes this number.
     */
    public Bounds andLessThanOrEqualTo(Number number) {
        return and("less_than_or_equal_to", number);
    }

    /**
     * Also requires the value to be at least {@code number}, Ecto's {@code greater_than_or_equal_to}; a
     * {@code greater_than_or_equal_to} given before keeps its place in the order and takes this number.
     */
    public Bounds andGreaterThanOrEqualTo(Number number) {
        return and("greater_than_or_equal_to", number);
    }

    /** Sets the limit of a kind; a kind given twice keeps its place and takes the later number. */
    private Bounds and(String kind, Number number) {
        Objects.requireNonNull(number, "Number must not be null");
        if ((number instanceof Double || number instanceof Float) && !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException("A bound must be a finite number, got " + number);
        }
        for (int i = 0; i < this.count; i++) {
            if (this.kinds[i].equals(kind)) {
                this.numbers[i] = number;
                return this;
            }
        }
        this.kinds[this.count] = kind;
        this.numbers[this.count++] = number;
        return this;
    }

    /** A bound the value breaks: its kind, Ecto's message and the limit as Ecto writes it. */
    record Violation(String kind, String message, String number) {
    }

    /** The first bound, in the order given, that {@code actual} breaks; null when it keeps them all. */
    @Nullable Violation violatedBy(Number actual) {
        for (int i = 0; i < this.count; i++) {
            int comparison = compare(actual, this.numbers[i]);
            String message = switch (this.kinds[i]) {
                case "less_than" -> comparison < 0 ? null : "must be less than %{number}";
                case "greater_than" -> comparison > 0 ? null : "must be greater than %{number}";
                case "less_than_or_equal_to" -> comparison <= 0 ? null : "must be less than or equal to %{number}";
                case "greater_than_or_equal_to" -> comparison >= 0 ? null : "must be greater than or equal to %{number}";
                case "equal_to" -> comparison == 0 ? null : "must be equal to %{number}";
                default -> comparison != 0 ? null : "must be not equal to %{number}";
            };
            if (message != null) {
                return new Violation(this.kinds[i], message, decimal(this.numbers[i]).stripTrailingZeros().toPlainString());
            }
        }
        return null;
    }

    private static int compare(Number actual, Number limit) {
        if (whole(actual) && whole(limit)) {
            return Long.compare(actual.longValue(), limit.longValue());
        }
        return decimal(actual).compareTo(decimal(limit));
    }

    private static boolean whole(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte;
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }
}
