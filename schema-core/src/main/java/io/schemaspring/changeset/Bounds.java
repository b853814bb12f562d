package io.schemaspring.changeset;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of {@link Changeset#validateNumber}, checked in Ecto's order:
 * {@code Bounds.greaterThan(0).lessThanOrEqualTo(100)}.
 */
public final class Bounds {

    private final Map<String, BigDecimal> limits = new LinkedHashMap<>();

    private Bounds() {
    }

    public static Bounds lessThan(Number number) {
        return new Bounds().and("less_than", number);
    }

    public static Bounds greaterThan(Number number) {
        return new Bounds().and("greater_than", number);
    }

    public static Bounds lessThanOrEqualTo(Number number) {
        return new Bounds().and("less_than_or_equal_to", number);
    }

    public static Bounds greaterThanOrEqualTo(Number number) {
        return new Bounds().and("greater_than_or_equal_to", number);
    }

    public static Bounds equalTo(Number number) {
        return new Bounds().and("equal_to", number);
    }

    public static Bounds notEqualTo(Number number) {
        return new Bounds().and("not_equal_to", number);
    }

    public Bounds andLessThan(Number number) {
        return and("less_than", number);
    }

    public Bounds andGreaterThan(Number number) {
        return and("greater_than", number);
    }

    public Bounds andLessThanOrEqualTo(Number number) {
        return and("less_than_or_equal_to", number);
    }

    public Bounds andGreaterThanOrEqualTo(Number number) {
        return and("greater_than_or_equal_to", number);
    }

    private Bounds and(String kind, Number number) {
        this.limits.put(kind, new BigDecimal(number.toString()));
        return this;
    }

    Map<String, BigDecimal> limits() {
        return this.limits;
    }
}
