package io.schemaspring.changeset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Changes to a struct, Ecto's {@code Ecto.Changeset}: the original data, the changed fields and
 * the errors. The repository writes only the changes, and never an invalid changeset.
 */
public final class Changeset<T> {

    private final T data;
    private final Map<String, @Nullable Object> changes = new LinkedHashMap<>();
    private final List<FieldError> errors = new ArrayList<>();

    private Changeset(T data) {
        this.data = Objects.requireNonNull(data, "Data must not be null");
    }

    /** A changeset with no changes yet, Ecto's {@code change(struct)}. */
    public static <T> Changeset<T> change(T data) {
        return new Changeset<>(data);
    }

    /** A changeset with the given changes, Ecto's {@code change(struct, changes)}. */
    public static <T> Changeset<T> change(T data, Map<String, ?> changes) {
        Changeset<T> changeset = new Changeset<>(data);
        changes.forEach(changeset::putChange);
        return changeset;
    }

    /** Records a change of a field to a value. */
    public Changeset<T> putChange(String field, @Nullable Object value) {
        this.changes.put(Objects.requireNonNull(field, "Field must not be null"), value);
        return this;
    }

    /** Drops the change of a field, if any. */
    public Changeset<T> deleteChange(String field) {
        this.changes.remove(field);
        return this;
    }

    /** Adds an error, Ecto's {@code add_error(changeset, field, message, keys)}. */
    public Changeset<T> addError(String field, String message, Map<String, Object> metadata) {
        this.errors.add(new FieldError(field, message, metadata));
        return this;
    }

    public T data() {
        return this.data;
    }

    public Map<String, @Nullable Object> changes() {
        return Collections.unmodifiableMap(this.changes);
    }

    public boolean hasChange(String field) {
        return this.changes.containsKey(field);
    }

    public @Nullable Object getChange(String field) {
        return this.changes.get(field);
    }

    public List<FieldError> errors() {
        return Collections.unmodifiableList(this.errors);
    }

    public boolean valid() {
        return this.errors.isEmpty();
    }

    @Override
    public String toString() {
        return "Changeset[" + this.data.getClass().getSimpleName() + ", changes " + this.changes.keySet() + ", errors "
                + this.errors + ", valid " + valid() + "]";
    }
}
