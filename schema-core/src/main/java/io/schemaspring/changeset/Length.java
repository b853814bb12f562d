package io.schemaspring.changeset;

import org.jspecify.annotations.Nullable;

/** Options of {@link Changeset#validateLength}: {@code Length.min(3)}, {@code Length.between(3, 100)}, {@code Length.is(5)}. */
public record Length(@Nullable Integer is, @Nullable Integer min, @Nullable Integer max) {

    public static Length is(int count) {
        return new Length(count, null, null);
    }

    public static Length min(int count) {
        return new Length(null, count, null);
    }

    public static Length max(int count) {
        return new Length(null, null, count);
    }

    public static Length between(int min, int max) {
        return new Length(null, min, max);
    }
}
