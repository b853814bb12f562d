package io.schemaspring.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link io.schemaspring.repo.Repo#insertAll(java.util.List, InsertAll)},
 * Ecto's {@code insert_all} options: {@link #returning()} reads database-generated ids
 * (and {@code readAfterWrites} fields where the database can) back into the structs
 * ({@code returning: true}); {@link #onConflict} makes every row an upsert;
 * {@link #placeholders(Map)} gives the values that rows of maps name with
 * {@link #placeholder(Object)}. Immutable.
 */
public final class InsertAll {

    /**
     * A value of a row of maps taken from the options' placeholders, Ecto's
     * {@code {:placeholder, key}}.
     *
     * @param key the key of the value in {@link #placeholders(Map)}
     */
    public record Placeholder(Object key) {

        /** Refuses a null key. */
        public Placeholder {
            Objects.requireNonNull(key, "Placeholder key must not be null");
        }

    }

    private final boolean returning;

    private final @Nullable OnConflict onConflict;

    private final Map<Object, Object> placeholders;

    private InsertAll(boolean returning, @Nullable OnConflict onConflict, Map<Object, Object> placeholders) {
        this.returning = returning;
        this.onConflict = onConflict;
        this.placeholders = placeholders;
    }

    /** Plain {@code insert_all}: nothing read back, a conflict is an error. */
    public static InsertAll create() {
        return new InsertAll(false, null, Map.of());
    }

    /** Reads generated ids back into the structs, Ecto's {@code returning: true}. */
    public static InsertAll returning() {
        return new InsertAll(true, null, Map.of());
    }

    /**
     * Ecto's {@code {:placeholder, key}}: in a row of maps, the value the options'
     * {@link #placeholders(Map)} give for {@code key}.
     */
    public static Placeholder placeholder(Object key) {
        return new Placeholder(key);
    }

    /**
     * Every row inserted with this conflict clause; cannot be combined with
     * {@link #returning()}.
     */
    public InsertAll onConflict(OnConflict onConflict) {
        return new InsertAll(this.returning, Objects.requireNonNull(onConflict, "OnConflict must not be null"),
                this.placeholders);
    }

    /**
     * Ecto's {@code placeholders:}: the values rows of maps name with
     * {@link #placeholder(Object)}, by key; each is cast once, to the type of the fields
     * it fills (all of one type), and bound where a row names it.
     */
    public InsertAll placeholders(Map<?, ?> placeholders) {
        Objects.requireNonNull(placeholders, "Placeholders must not be null");
        return new InsertAll(this.returning, this.onConflict,
                Collections.unmodifiableMap(new LinkedHashMap<Object, Object>(placeholders)));
    }

    /** Whether generated values are read back into the structs ({@link #returning()}). */
    public boolean readsBack() {
        return this.returning;
    }

    /** The conflict clause of every row, or {@code null}. */
    public @Nullable OnConflict conflict() {
        return this.onConflict;
    }

    /** The values of {@link #placeholders(Map)} by key; empty when none were given. */
    public Map<Object, Object> placeholders() {
        return this.placeholders;
    }

    @Override
    public String toString() {
        return "InsertAll" + (this.returning ? ".returning()" : ".create()")
                + (this.onConflict == null ? "" : ".onConflict(" + this.onConflict + ")")
                + (this.placeholders.isEmpty() ? "" : ".placeholders(" + this.placeholders.keySet() + ")");
    }

}
