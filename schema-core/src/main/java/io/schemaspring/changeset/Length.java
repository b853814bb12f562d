package io.schemaspring.changeset;

import org.jspecify.annotations.Nullable;

/** Options of {@link Changeset#validateLength}: {@code Length.min(3)}, {@code Length.between(3, 100)}, {@code Length.is(5)}. */
public record Length(@Nullable Integer is, @Nullable Integer min, @Nullable Integer max) {

    /** Exactly {@code count} characters, items or bytes, Ecto's {@code is: count}. */
    public static Length is(int count) {
        return new Length(count, null, null);
    }

    /** At least {@code count} characters, items or bytes, Ecto's {@code min: count}. */
    public static Length min(int count) {
        return new Length(null, count, null);
    }

    /** At most {@code count} characters, items or bytes, Ecto's {@code max: count}. */
    public static Length max(int count) {
        return new Length(null, null, count);
    }

    /**
     * From {@code min} to {@code max} characters, items or bytes, both included, Ecto's
     * {@code min: min, max: max}.
     */
    public static Length between(int min, int max) {
        return new Length(null, min, max);
    }
}
