package io.schemaspring.changeset;

/** An invalid changeset was given to the repository, Ecto's {@code Ecto.InvalidChangesetError}. */
public class InvalidChangesetException extends RuntimeException {

    private final transient Changeset<?> changeset;

    /**
     * The refusal to perform {@code action} ({@code insert}, {@code update}, ...) with an invalid
     * changeset; the message lists its errors.
     */
    public InvalidChangesetException(String action, Changeset<?> changeset) {
        super("could not perform " + action + " because changeset is invalid. Errors: " + changeset.errors().stream()
                .map(error -> error.field() + ": " + error.interpolated()).toList());
        this.changeset = changeset;
    }

    /** The invalid changeset, with its errors. */
    public Changeset<?> changeset() {
        return this.changeset;
    }
}
