package io.schemaspring.query;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Options of {@link io.schemaspring.repo.Repo#insertAll(java.util.List, InsertAll)},
 * Ecto's {@code insert_all} options: {@link #returning()} reads database-generated ids
 * (and {@code readAfterWrites} fields where the database can) back into the structs
 * ({@code returning: true}); {@link #onConflict} makes every row an upsert. Immutable.
 */
public final class InsertAll {

    private final boolean returning;

    private final @Nullable OnConflict onConflict;

    private InsertAll(boolean returning, @Nullable OnConflict onConflict) {
        this.returning = returning;
        this.onConflict = onConflict;
    }

    /** Plain {@code insert_all}: nothing read back, a conflict is an error. */
    public static InsertAll create() {
        return new InsertAll(false, null);
    }

    /** Reads generated ids back into the structs, Ecto's {@code returning: true}. */
    public static InsertAll returning() {
        return new InsertAll(true, null);
    }

    /**
     * Every row inserted with this conflict clause; cannot be combined with
     * {@link #returning()}.
     */
    public InsertAll onConflict(OnConflict onConflict) {
        return new InsertAll(this.returning, Objects.requireNonNull(onConflict, "OnConflict must not be null"));
    }

    /** Whether generated values are read back into the structs ({@link #returning()}). */
    public boolean readsBack() {
        return this.returning;
    }

    /** The conflict clause of every row, or {@code null}. */
    public @Nullable OnConflict conflict() {
        return this.onConflict;
    }

    @Override
    public String toString() {
        return "InsertAll" + (this.returning ? ".returning()" : ".create()")
                + (this.onConflict == null ? "" : ".onConflict(" + this.onConflict + ")");
    }

}
