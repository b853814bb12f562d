package io.schemaspring.repo;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What {@link Repo#transaction(Multi)} answers, Ecto's {@code {:ok, changes}} or
 * {@code {:error, failed_step, failed_value, changes_so_far}}: every step's result, or
 * the step that failed, what it failed with (the invalid changeset, the changeset with a
 * constraint error, or the value a {@code run} step failed with) and the results before
 * it, all rolled back.
 */
public final class MultiResult {

    private final MultiChanges changes;

    private final @Nullable String failedStep;

    private final @Nullable Object failedValue;

    private MultiResult(MultiChanges changes, @Nullable String failedStep, @Nullable Object failedValue) {
        this.changes = changes;
        this.failedStep = failedStep;
        this.failedValue = failedValue;
    }

    static MultiResult ok(MultiChanges changes) {
        return new MultiResult(changes, null, null);
    }

    static MultiResult failed(MultiChanges changes, String step, @Nullable Object value) {
        return new MultiResult(changes, step, value);
    }

    /**
     * Whether every step succeeded and the transaction committed, Ecto's {@code {:ok,
     * changes}}.
     */
    public boolean ok() {
        return this.failedStep == null;
    }

    /**
     * The results by step name: all of them when ok, else those before the failed step
     * (rolled back).
     */
    public Map<String, @Nullable Object> changes() {
        return this.changes.asMap();
    }

    /** A step's result, as the type it is expected to have. */
    public <T> T get(String step, Class<T> type) {
        return this.changes.get(step, type);
    }

    /** The name of the step that failed; {@code null} when the multi succeeded. */
    public @Nullable String failedStep() {
        return this.failedStep;
    }

    /**
     * What the failed step answered (an invalid changeset, or a {@code run} step's
     * failure value); {@code null} when the multi succeeded.
     */
    public @Nullable Object failedValue() {
        return this.failedValue;
    }

    @Override
    public String toString() {
        return ok() ? "MultiResult[ok " + this.changes + "]" : "MultiResult[failed :" + this.failedStep + " with "
                + this.failedValue + " after " + this.changes + "]";
    }

}
