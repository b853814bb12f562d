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

    /** Ecto's {@code set} or {@code inc}. */
    public enum Kind {

        SET, INC

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

    /** Sets the field to the value ({@code null}: SQL NULL) on every matching row. */
    public UpdateAll set(String field, @Nullable Object value) {
        return add(new Change(Kind.SET, field, value));
    }

    /**
     * Adds {@code by} (negative to decrement) to the numeric field on every matching row.
     */
    public UpdateAll inc(String field, Number by) {
        return add(new Change(Kind.INC, field, Objects.requireNonNull(by, "inc needs a number, got null")));
    }

    /** The changes, in the order given. */
    public List<Change> changes() {
        return this.changes;
    }

    private UpdateAll add(Change change) {
        Objects.requireNonNull(change.field(), "Field must not be null");
        if (this.changes.stream().anyMatch(existing -> existing.field().equals(change.field()))) {
            throw new InvalidDataAccessApiUsageException(
                    "updateAll changes :" + change.field() + " twice: " + "give each field one set or inc");
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
