package io.schemaspring.repo.dialect;

import io.schemaspring.changeset.Constraint;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A constraint the database reported violated, read from the driver's error by the
 * dialect: its kind, and its name ({@code null} when the driver did not give one). For a
 * NOT NULL violation the name is the column's.
 */
public record ConstraintViolation(Kind kind, @Nullable String name) {

    /** The kinds of constraints, with the changeset function that declares each. */
    public enum Kind {

        UNIQUE("unique_constraint", "uniqueConstraint"), FOREIGN_KEY("foreign_key_constraint", "foreignKeyConstraint"),
        CHECK("check_constraint", "checkConstraint"), EXCLUSION("exclusion_constraint", null),
        NOT_NULL("not_null_constraint", null);

        private final String ectoName;

        private final @Nullable String declaration;

        Kind(String ectoName, @Nullable String declaration) {
            this.ectoName = ectoName;
            this.declaration = declaration;
        }

        /** Ecto's name of the kind, as its constraint errors print it. */
        public String ectoName() {
            return this.ectoName;
        }

        /**
         * The changeset function that turns such a violation into a field error; none for
         * NOT NULL and exclusions.
         */
        public @Nullable String declaration() {
            return this.declaration;
        }

    }

    /**
     * Whether this is a violation of the constraint the changeset declared, as Ecto
     * matches them: the same kind ({@code assocConstraint} and {@code noAssocConstraint}
     * declare foreign keys) and the same name (databases may fold its case). A violation
     * without a name matches nothing: the name is read from the driver's error, never
     * guessed from message text, where a value could carry another constraint's name.
     */
    public boolean matches(Constraint declared) {
        return this.kind == kindOf(declared.type()) && names(declared.name());
    }

    /** The kind of violation a declared constraint turns into a field error. */
    public static Kind kindOf(Constraint.Type type) {
        return switch (type) {
            case UNIQUE -> Kind.UNIQUE;
            case FOREIGN, ASSOC, NO_ASSOC -> Kind.FOREIGN_KEY;
            case CHECK -> Kind.CHECK;
        };
    }

    /** Whether the violation names the given constraint (databases may fold its case). */
    public boolean names(String constraint) {
        return this.name != null && this.name.toLowerCase(Locale.ROOT).equals(constraint.toLowerCase(Locale.ROOT));
    }
}
