package io.schemaspring.changeset;

/**
 * A database constraint declared on a changeset: when the database reports a violation of the
 * constraint named {@code name}, the repository adds {@code message} to {@code field} instead of
 * throwing, Ecto's {@code unique_constraint}/{@code foreign_key_constraint}/{@code check_constraint},
 * {@code assoc_constraint}/{@code no_assoc_constraint} (whose {@code field} is an association).
 */
public record Constraint(Type type, String field, String name, String message) {

    /** The kinds of constraints, named as in Ecto's error metadata. */
    public enum Type {
        UNIQUE("unique"), FOREIGN("foreign"), CHECK("check"),
        /** A foreign key violation put on a belongs-to association, Ecto's {@code assoc_constraint}. */
        ASSOC("assoc"),
        /** A foreign key violation put on a has-one or has-many association, Ecto's {@code no_assoc_constraint}. */
        NO_ASSOC("no_assoc");

        private final String ectoName;

        Type(String ectoName) {
            this.ectoName = ectoName;
        }

        /**
         * The kind as Ecto names it in an error's {@code constraint} metadata: {@code unique},
         * {@code foreign}, {@code check}, {@code assoc} or {@code no_assoc}.
         */
        public String ectoName() {
            return this.ectoName;
        }
    }
}
