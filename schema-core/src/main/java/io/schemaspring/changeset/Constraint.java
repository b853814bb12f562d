package io.schemaspring.changeset;

/**
 * A database constraint declared on a changeset: when the database reports a violation of the
 * constraint named {@code name}, the repository adds {@code message} to {@code field} instead of
 * throwing, Ecto's {@code unique_constraint}/{@code foreign_key_constraint}/{@code check_constraint}.
 */
public record Constraint(Type type, String field, String name, String message) {

    /** The kinds of constraints, named as in Ecto's error metadata. */
    public enum Type {
        UNIQUE("unique"), FOREIGN("foreign"), CHECK("check");

        private final String ectoName;

        Type(String ectoName) {
            this.ectoName = ectoName;
        }

        public String ectoName() {
            return this.ectoName;
        }
    }
}
