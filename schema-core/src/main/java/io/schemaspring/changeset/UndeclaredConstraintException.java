package io.schemaspring.changeset;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * A changeset write violated a database constraint that the changeset did not declare, Ecto's
 * {@code Ecto.ConstraintError}: the message names the constraint and its kind as the database
 * reported them. Still a {@link DataIntegrityViolationException}, so code and handlers written for
 * that keep working; the starter's web support answers it 409.
 */
public class UndeclaredConstraintException extends DataIntegrityViolationException {

    private final @Nullable String constraint;
    private final @Nullable String kind;

    /**
     * @param kind Ecto's name of the kind ({@code unique_constraint}, {@code foreign_key_constraint}, ...), if known
     * @param constraint the constraint's name (a NOT NULL violation's column), if the database gave it
     * @param declaration the changeset function that declares such a constraint, if there is one
     */
    public UndeclaredConstraintException(String action, Class<?> schema, @Nullable String kind, @Nullable String constraint,
            @Nullable String declaration, DataIntegrityViolationException cause) {
        this(message(action, schema, kind, constraint, declaration), kind, constraint, cause);
    }

    private UndeclaredConstraintException(String message, @Nullable String kind, @Nullable String constraint,
            DataIntegrityViolationException cause) {
        super(message, cause);
        this.constraint = constraint;
        this.kind = kind;
    }

    /**
     * A violation of a kind the changeset declares, whose constraint name the database's dialect
     * did not read from the driver's error: no declaration can be matched to it.
     *
     * @param kind Ecto's name of the kind
     * @param dialect the dialect's name, as the fix names it
     */
    public static UndeclaredConstraintException unnamed(String action, Class<?> schema, String kind, String dialect,
            DataIntegrityViolationException cause) {
        return new UndeclaredConstraintException("could not perform " + action + " of " + schema.getSimpleName()
                + ": the database refused it with a " + kind + " whose name the " + dialect
                + " dialect did not read from the driver's error, so no constraint the changeset declares can match it; "
                + "override Dialect.constraints() to read the name", kind, null, cause);
    }

    private static String message(String action, Class<?> schema, @Nullable String kind, @Nullable String constraint,
            @Nullable String declaration) {
        String refused = "could not perform " + action + " of " + schema.getSimpleName() + ": the database refused it with ";
        if ("not_null_constraint".equals(kind)) {
            return refused + "a not-null constraint" + (constraint == null ? "" : " on column \"" + constraint + "\"")
                    + ": validate the field with validateRequired before the write";
        }
        String named = (kind == null ? "a constraint" : kind) + (constraint == null ? "" : " \"" + constraint + "\"");
        String fix = declaration == null
                ? "uniqueConstraint, foreignKeyConstraint or checkConstraint"
                : declaration + "(field" + (constraint == null ? "" : ", \"" + constraint + "\"") + ")";
        return refused + named + ", which the changeset did not declare; declare it with " + fix
                + " to turn it into a field error";
    }

    /** The violated constraint's name as the database reported it; {@code null} when it gave none. */
    public @Nullable String constraint() {
        return this.constraint;
    }

    /** Ecto's name of the constraint's kind ({@code unique_constraint}, ...); {@code null} when unknown. */
    public @Nullable String kind() {
        return this.kind;
    }
}
