package io.schemaspring.query;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * What an insert does when its row conflicts with an existing one on a unique key, Ecto's
 * {@code :on_conflict} with {@code :conflict_target}:
 *
 * <pre>{@code
 * repo.insert(tag, OnConflict.nothing().target("name"));          // on_conflict: :nothing, conflict_target: :name
 * repo.insert(tag, OnConflict.replace("color").target("name"));   // on_conflict: {:replace, [:color]}
 * repo.insert(tag, OnConflict.replaceAll().target("name"));       // on_conflict: {:replace_all_except, [:id]}
 * repo.insert(tag, OnConflict.replaceAllExcept("insertedAt").target("name"));
 * repo.insertAll(counters, InsertAll.onConflict(
 *         OnConflict.update(UpdateAll.create().inc("hits", 1)).target("name")));  // on_conflict: [inc: [hits: 1]]
 * }</pre>
 *
 * Fields are schema field names, checked before any SQL. {@code replaceAll} replaces
 * every inserted field except the primary key, the conflict target and
 * {@code writable = INSERT} fields (written on insert only, as Ecto's
 * {@code writable: :insert}); {@code inserted_at} is replaced, as in Ecto. {@code update}
 * is Ecto's keyword list ({@code [set: ..., inc: ...]}): the changes of
 * {@link UpdateAll}, each value bound as a parameter and cast to its field's type, an
 * {@code inc} adding to the existing row's value. Immutable.
 */
public final class OnConflict {

    /** What happens to the existing row. */
    public enum Action {

        NOTHING, REPLACE_ALL, REPLACE, REPLACE_ALL_EXCEPT, UPDATE

    }

    private final Action action;

    private final List<String> fields;

    private final List<String> target;

    private final List<UpdateAll.Change> changes;

    private final List<Expr> conditions;

    private final @Nullable List<String> returning;

    private OnConflict(Action action, List<String> fields, List<String> target) {
        this(action, fields, target, List.of(), List.of(), List.of());
    }

    private OnConflict(Action action, List<String> fields, List<String> target, List<UpdateAll.Change> changes,
            List<Expr> conditions, @Nullable List<String> returning) {
        this.action = action;
        this.fields = fields;
        this.target = target;
        this.changes = changes;
        this.conditions = conditions;
        this.returning = returning;
    }

    /**
     * Keeps the existing row; the answered struct is not given the existing row's id
     * (Ecto's {@code :nothing}).
     */
    public static OnConflict nothing() {
        return new OnConflict(Action.NOTHING, List.of(), List.of());
    }

    /**
     * Replaces every inserted field but the primary key, the target and
     * {@code writable = INSERT} fields.
     */
    public static OnConflict replaceAll() {
        return new OnConflict(Action.REPLACE_ALL, List.of(), List.of());
    }

    /**
     * Replaces only these fields of the existing row (Ecto's {@code {:replace, fields}}).
     */
    public static OnConflict replace(String... fields) {
        return new OnConflict(Action.REPLACE, names(fields, "replace"), List.of());
    }

    /**
     * {@link #replaceAll()} except these fields (Ecto's {@code {:replace_all_except,
     * fields}}).
     */
    public static OnConflict replaceAllExcept(String... fields) {
        return new OnConflict(Action.REPLACE_ALL_EXCEPT, names(fields, "replaceAllExcept"), List.of());
    }

    /**
     * Updates the existing row with these changes (Ecto's {@code on_conflict: [set: ...,
     * inc: ...]}): {@code set} writes the value, {@code inc} adds to the existing value.
     */
    public static OnConflict update(UpdateAll changes) {
        Objects.requireNonNull(changes, "Changes must not be null");
        if (changes.changes().isEmpty()) {
            throw new InvalidDataAccessApiUsageException(
                    "OnConflict.update needs at least one set or inc: UpdateAll.create().set(field, value)");
        }
        return new OnConflict(Action.UPDATE, List.of(), List.of(), changes.changes(), List.of(), List.of());
    }

    /**
     * Updates the existing row only where it matches these conditions (Ecto's
     * {@code on_conflict: from(p in Post, where: ..., update: ...)}); the conditions read
     * the existing row. An insert whose conflicting row does not match writes nothing and
     * fails with a {@link org.springframework.dao.OptimisticLockingFailureException}, as
     * Ecto's stale entry; a row of {@code insertAll} is skipped. Only for
     * {@link #update(UpdateAll)}; refused on MariaDB, whose {@code ON DUPLICATE KEY
     * UPDATE} takes no condition.
     */
    public OnConflict where(Expr... conditions) {
        Objects.requireNonNull(conditions, "Conditions must not be null");
        if (this.action != Action.UPDATE) {
            throw new InvalidDataAccessApiUsageException(
                    "OnConflict.where conditions an update: use OnConflict.update(changes).where(...), not " + this);
        }
        List<Expr> all = new java.util.ArrayList<>(this.conditions);
        for (Expr condition : conditions) {
            all.add(Objects.requireNonNull(condition, "Condition must not be null"));
        }
        return new OnConflict(this.action, this.fields, this.target, this.changes, List.copyOf(all), this.returning);
    }

    /**
     * The fields of the unique key whose conflict triggers this clause (Ecto's
     * {@code :conflict_target}). Required on H2 (its {@code MERGE} matches on them) and
     * on PostgreSQL unless {@link #nothing()}; MariaDB cannot name a key: the clause
     * applies to a conflict on any unique key, and the target is only checked.
     */
    public OnConflict target(String... fields) {
        return new OnConflict(this.action, this.fields, names(fields, "target"), this.changes, this.conditions,
                this.returning);
    }

    /**
     * Ecto's {@code returning: [fields]} on an upsert: the answered struct reads these
     * fields back from the row as the database wrote it (inserted, or updated on a
     * conflict), beside the generated id and {@code readAfterWrites} fields it always
     * reads; nothing when a conflicting row was kept.
     */
    public OnConflict returning(String... fields) {
        return new OnConflict(this.action, this.fields, this.target, this.changes, this.conditions,
                names(fields, "returning"));
    }

    /**
     * Ecto's {@code returning: true} on an upsert: {@link #returning(String...)} of every
     * stored field.
     */
    public OnConflict returningAll() {
        return new OnConflict(this.action, this.fields, this.target, this.changes, this.conditions, null);
    }

    /** What happens to the existing row. */
    public Action action() {
        return this.action;
    }

    /**
     * The fields of {@code replace} or {@code replaceAllExcept}; empty for the other
     * actions.
     */
    public List<String> fields() {
        return this.fields;
    }

    /** The changes of {@link #update(UpdateAll)}; empty for the other actions. */
    public List<UpdateAll.Change> changes() {
        return this.changes;
    }

    /**
     * The fields of {@link #returning(String...)}; empty when none were given,
     * {@code null} for {@link #returningAll()}.
     */
    public @Nullable List<String> returningFields() {
        return this.returning;
    }

    /** The conditions of {@link #where(Expr...)}; empty when none was given. */
    public List<Expr> conditions() {
        return this.conditions;
    }

    /** The fields of {@link #target(String...)}; empty when none was given. */
    public List<String> conflictTarget() {
        return this.target;
    }

    private static List<String> names(@Nullable String[] fields, String method) {
        Objects.requireNonNull(fields, "Fields must not be null");
        if (fields.length == 0) {
            throw new InvalidDataAccessApiUsageException("OnConflict." + method + " needs at least one field");
        }
        for (String field : fields) {
            if (field == null) {
                throw new InvalidDataAccessApiUsageException("OnConflict." + method + " takes field names, got null");
            }
        }
        return List.of(fields);
    }

    @Override
    public String toString() {
        String what = switch (this.action) {
            case NOTHING -> "nothing()";
            case REPLACE_ALL -> "replaceAll()";
            case REPLACE -> "replace(" + String.join(", ", this.fields) + ")";
            case REPLACE_ALL_EXCEPT -> "replaceAllExcept(" + String.join(", ", this.fields) + ")";
            case UPDATE -> "update(" + this.changes.stream()
                .map(change -> change.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + change.field() + " "
                        + change.value())
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
        };
        return "OnConflict." + what + (this.conditions.isEmpty() ? "" : ".where("
                + this.conditions.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + ")") + (this.target.isEmpty() ? "" : ".target(" + String.join(", ", this.target) + ")")
                + (this.returning == null ? ".returningAll()"
                        : this.returning.isEmpty() ? "" : ".returning(" + String.join(", ", this.returning) + ")");
    }

}
