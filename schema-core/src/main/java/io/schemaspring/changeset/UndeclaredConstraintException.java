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
        super(message(action, schema, kind, constraint, declaration), cause);
        this.constraint = constraint;
        this.kind = kind;
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
