package io.schemaspring.changeset;

import java.util.Map;

/** The field error of a database constraint a changeset declared, with Ecto's metadata. */
public final class ConstraintViolations {

    private ConstraintViolations() {
    }

    /** Adds the constraint's error to the changeset, with Ecto's metadata. */
    public static void addError(Changeset<?> changeset, Constraint constraint) {
        changeset.addError(constraint.field(), constraint.message(),
                Map.of("constraint", constraint.type().ectoName(), "constraint_name", constraint.name()));
    }
}
