package io.schemaspring.repo;

import io.schemaspring.query.Query;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.InvalidChangesetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto.Multi: named repository operations run together by
 * {@link Repo#transaction(Multi)}, all or nothing. A step may be given directly or as a
 * function of the results of the steps before it:
 *
 * <pre>{@code
 * Multi multi = Multi.create()
 *         .insert("user", changesets.cast(new User(), params, "name", "email"))
 *         .insert("post", changes -> Changeset.change(new Post(), Map.of("userId", changes.get("user", User.class).getId())))
 *         .run("audit", (repo, changes) -> audit.record(changes.get("post", Post.class)));
 * MultiResult result = repo.transaction(multi);
 * }</pre>
 *
 * Immutable: each call answers a new multi.
 */
public final class Multi {

    /** A step's work: its result, or a failure that stops the multi. */
    @FunctionalInterface
    interface Operation {

        @Nullable Object apply(Repo repo, MultiChanges changes);

    }

    record Step(String name, Operation operation) {
    }

    /**
     * What a {@code run} step answers to stop the multi with a value, Ecto's
     * {@code {:error, value}}.
     */
    public static final class Failure {

        private final @Nullable Object value;

        private Failure(@Nullable Object value) {
            this.value = value;
        }

        /** The value the {@code run} step stopped the multi with. */
        public @Nullable Object value() {
            return this.value;
        }

    }

    private final List<Step> steps;

    private Multi(List<Step> steps) {
        this.steps = steps;
    }

    /** An empty multi, Ecto's {@code Ecto.Multi.new()}. */
    public static Multi create() {
        return new Multi(List.of());
    }

    /**
     * Answered by a {@code run} function, stops the multi:
     * {@link MultiResult#failedValue()} is {@code value}.
     */
    public static Failure failure(@Nullable Object value) {
        return new Failure(value);
    }

    /**
     * Ecto's {@code Multi.insert}: inserts the struct or changeset; the result is the
     * inserted struct.
     */
    public Multi insert(String name, Object structOrChangeset) {
        return insert(name, changes -> structOrChangeset);
    }

    /** Inserts the struct or changeset the function builds from the results so far. */
    public Multi insert(String name, Function<MultiChanges, ?> structOrChangeset) {
        return add(name, write(structOrChangeset, Repo::insert, Repo::insert));
    }

    /**
     * Ecto's {@code Multi.update}: updates the struct or changeset; the result is the
     * updated struct.
     */
    public Multi update(String name, Object structOrChangeset) {
        return update(name, changes -> structOrChangeset);
    }

    /** Updates the struct or changeset the function builds from the results so far. */
    public Multi update(String name, Function<MultiChanges, ?> structOrChangeset) {
        return add(name, write(structOrChangeset, Repo::update, Repo::update));
    }

    /**
     * Ecto's {@code Multi.delete}: deletes the struct or changeset's data; the result is
     * the deleted struct.
     */
    public Multi delete(String name, Object structOrChangeset) {
        return delete(name, changes -> structOrChangeset);
    }

    /** Deletes the struct or changeset the function builds from the results so far. */
    public Multi delete(String name, Function<MultiChanges, ?> structOrChangeset) {
        return add(name, write(structOrChangeset, Repo::delete, Repo::delete));
    }

    /**
     * A write of whatever the function builds: a changeset through its own repository
     * call, a struct through the other.
     */
    private static Operation write(Function<MultiChanges, ?> structOrChangeset,
            BiFunction<Repo, Changeset<Object>, Object> changesetWrite, BiFunction<Repo, Object, Object> structWrite) {
        return (repo, changes) -> {
            Object given = Objects.requireNonNull(structOrChangeset.apply(changes));
            @SuppressWarnings("unchecked")
            Object written = given instanceof Changeset<?> changeset
                    ? changesetWrite.apply(repo, (Changeset<Object>) changeset) : structWrite.apply(repo, given);
            return written;
        };
    }

    /** Ecto's {@code insert_all}: the result is the number of rows inserted. */
    public Multi insertAll(String name, List<?> structs) {
        return insertAll(name, changes -> structs);
    }

    /**
     * Inserts the structs the function builds from the results so far; the result is the
     * number of rows inserted.
     */
    public Multi insertAll(String name, Function<MultiChanges, ? extends List<?>> structs) {
        return add(name, (repo, changes) -> repo.insertAll(structs.apply(changes)));
    }

    /** Ecto's {@code update_all}: the result is the number of rows updated. */
    public Multi updateAll(String name, Query<?> query, UpdateAll update) {
        return updateAll(name, changes -> query, update);
    }

    /** Updates the rows of the query the function builds from the results so far. */
    public Multi updateAll(String name, Function<MultiChanges, ? extends Query<?>> query, UpdateAll update) {
        return add(name, (repo, changes) -> repo.updateAll(query.apply(changes), update));
    }

    /**
     * Ecto's {@code run}: any work with the repository and the results so far; its return
     * value is the step's result and {@link #failure(Object)} stops the multi; an
     * exception rolls the transaction back and reaches the caller of
     * {@code repo.transaction} unchanged.
     */
    public Multi run(String name, BiFunction<Repo, MultiChanges, ?> work) {
        return add(name, work::apply);
    }

    /** The steps of another multi after these, Ecto's {@code append}. */
    public Multi append(Multi other) {
        Multi result = this;
        for (Step step : other.steps) {
            result = result.add(step.name(), step.operation());
        }
        return result;
    }

    /** The step names, in order. */
    public List<String> names() {
        return this.steps.stream().map(Step::name).toList();
    }

    private Multi add(String name, Operation operation) {
        Objects.requireNonNull(name, "Step name must not be null");
        if (this.steps.stream().anyMatch(step -> step.name().equals(name))) {
            throw new InvalidDataAccessApiUsageException(
                    ":" + name + " is already a step of this Multi: give each step " + "its own name");
        }
        List<Step> steps = new ArrayList<>(this.steps);
        steps.add(new Step(name, operation));
        return new Multi(Collections.unmodifiableList(steps));
    }

    List<Step> steps() {
        return this.steps;
    }

    /**
     * Runs the steps in order until one fails; the caller rolls back when the answer is
     * not ok. As in Ecto, only an invalid changeset or a returned {@link Failure} is a
     * failed step: an exception leaves the transaction, which rolls back, and reaches the
     * caller unchanged.
     */
    MultiResult runSteps(Repo repo) {
        MultiChanges changes = new MultiChanges();
        for (Step step : this.steps) {
            Object result;
            try {
                result = step.operation().apply(repo, changes);
            }
            catch (InvalidChangesetException ex) {
                return MultiResult.failed(changes, step.name(), ex.changeset());
            }
            catch (RollbackException ex) {
                return MultiResult.failed(changes, step.name(), ex.value());
            }
            if (result instanceof Failure failure) {
                return MultiResult.failed(changes, step.name(), failure.value());
            }
            changes.put(step.name(), result);
        }
        return MultiResult.ok(changes);
    }

}
