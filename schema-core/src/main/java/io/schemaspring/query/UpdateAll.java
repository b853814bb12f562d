package io.schemaspring.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * The changes of {@link io.schemaspring.repo.Repo#updateAll(Query, UpdateAll)}, Ecto's
 * {@code update_all} keyword list:
 * {@code UpdateAll.create().set("title", "x").inc("views", 1)} is
 * {@code [set: [title: "x"], inc: [views: 1]]}. Values are cast to the fields' types;
 * timestamps are not touched (as in Ecto). Immutable.
 */
public final class UpdateAll {

    /** Ecto's {@code set}, {@code inc}, {@code push} or {@code pull}. */
    public enum Kind {

        SET, INC,
        /** Appends the value to an array field. */
        PUSH,
        /** Removes every element equal to the value from an array field. */
        PULL

    }

    /** One change: set the field to the value, or add the value to it. */
    public record Change(Kind kind, String field, @Nullable Object value) {
    }

    private final List<Change> changes;

    private UpdateAll(List<Change> changes) {
        this.changes = changes;
    }

    /**
     * No changes yet: add them with {@link #set(String, Object)} and
     * {@link #inc(String, Number)}, one per field.
     */
    public static UpdateAll create() {
        return new UpdateAll(List.of());
    }

    /**
     * Sets the field to the value ({@code null}: SQL NULL) on every matching row; a
     * {@link Value} is computed by the database from the row
     * ({@code set("visits", Value.add(Value.field("visits"), Value.field("likes")))}).
     */
    public UpdateAll set(String field, @Nullable Object value) {
        return add(new Change(Kind.SET, field, value));
    }

    /**
     * Adds {@code by} (negative to decrement) to the numeric field on every matching row.
     */
    public UpdateAll inc(String field, Number by) {
        return add(new Change(Kind.INC, field, Objects.requireNonNull(by, "inc needs a number, got null")));
    }

    /**
     * Ecto's {@code push}: appends the value to the array field of every matching row
     * (PostgreSQL's {@code array_append}); refused where the database has no arrays.
     */
    public UpdateAll push(String field, Object value) {
        return add(new Change(Kind.PUSH, field, Objects.requireNonNull(value, "push needs a value, got null")));
    }

    /**
     * Ecto's {@code pull}: removes every element equal to the value from the array field
     * of every matching row (PostgreSQL's {@code array_remove}).
     */
    public UpdateAll pull(String field, Object value) {
        return add(new Change(Kind.PULL, field, Objects.requireNonNull(value, "pull needs a value, got null")));
    }

    /** The changes, in the order given. */
    public List<Change> changes() {
        return this.changes;
    }

    private UpdateAll add(Change change) {
        Objects.requireNonNull(change.field(), "Field must not be null");
        if (this.changes.stream().anyMatch(existing -> existing.field().equals(change.field()))) {
            throw new InvalidDataAccessApiUsageException(
                    "updateAll changes :" + change.field() + " twice: " + "give each field one set, inc, push or pull");
        }
        List<Change> changes = new ArrayList<>(this.changes);
        changes.add(change);
        return new UpdateAll(Collections.unmodifiableList(changes));
    }

    @Override
    public String toString() {
        return "UpdateAll" + this.changes;
    }

}
