package io.schemaspring.metadata;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's {@code __meta__}: where a struct came from. Declare one field of this type in a
 * schema class ({@code private StructMeta meta;}) and the repository fills it on every
 * load and write; copies made by the library carry it, JSON never shows it, and no column
 * maps to it. A struct that knows its prefix is written and deleted only there.
 * Immutable: the repository replaces it.
 */
public final class StructMeta {

    /** Ecto's {@code :built}, {@code :loaded} and {@code :deleted}. */
    public enum State {

        /** Created in memory; not known to be stored. */
        BUILT,
        /** Read from or written to the database. */
        LOADED,
        /** Deleted from the database. */
        DELETED

    }

    private final State state;

    private final @Nullable String prefix;

    private final @Nullable String source;

    private StructMeta(State state, @Nullable String prefix, @Nullable String source) {
        this.state = Objects.requireNonNull(state, "State must not be null");
        this.prefix = prefix;
        this.source = source;
    }

    /**
     * A struct stored in {@code prefix.source} ({@code prefix} null: the database's
     * default schema).
     */
    public static StructMeta loaded(@Nullable String prefix, @Nullable String source) {
        return new StructMeta(State.LOADED, prefix, source);
    }

    /** A struct not stored yet, to be written to {@code prefix} when one is given. */
    public static StructMeta built(@Nullable String prefix, @Nullable String source) {
        return new StructMeta(State.BUILT, prefix, source);
    }

    /**
     * The same prefix and source in another state, as the repository marks a struct
     * deleted.
     */
    public StructMeta withState(State state) {
        return new StructMeta(state, this.prefix, this.source);
    }

    /** Where the struct is in its life, Ecto's {@code __meta__.state}. */
    public State state() {
        return this.state;
    }

    /**
     * The database schema of the row; {@code null} for the connection's default schema.
     */
    public @Nullable String prefix() {
        return this.prefix;
    }

    /** The table of the row. */
    public @Nullable String source() {
        return this.source;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || (other instanceof StructMeta meta && this.state == meta.state
                && Objects.equals(this.prefix, meta.prefix) && Objects.equals(this.source, meta.source));
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.state, this.prefix, this.source);
    }

    @Override
    public String toString() {
        return "#Ecto.Schema.Metadata<:" + this.state.name().toLowerCase(java.util.Locale.ROOT) + ", "
                + (this.prefix == null ? "" : "\"" + this.prefix + "\".") + "\"" + this.source + "\">";
    }

}
