package io.schemaspring.changeset;

/** An invalid changeset was given to the repository, Ecto's {@code Ecto.InvalidChangesetError}. */
public class InvalidChangesetException extends RuntimeException {

    private final transient Changeset<?> changeset;

    public InvalidChangesetException(String action, Changeset<?> changeset) {
        super("could not perform " + action + " because changeset is invalid. Errors: " + changeset.errors().stream()
                .map(error -> error.field() + ": " + error.interpolated()).toList());
        this.changeset = changeset;
    }

    public Changeset<?> changeset() {
        return this.changeset;
    }
}
