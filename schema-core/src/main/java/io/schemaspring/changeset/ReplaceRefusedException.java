package io.schemaspring.changeset;

/**
 * Casting would replace or delete an embed or associated struct whose {@code onReplace} is
 * {@code RAISE} (the default), as Ecto refuses it. Set {@code onReplace} on the relation, or send
 * the ids of the current children.
 */
public class ReplaceRefusedException extends IllegalStateException {

    private final String relation;

    /**
     * The refusal to replace the current children of {@code relation} on an {@code owner} struct; the
     * message names both and the ways out.
     */
    public ReplaceRefusedException(String relation, Class<?> owner) {
        super("you are attempting to change relation :" + relation + " of " + owner.getSimpleName()
                + " but the onReplace option of this relation is set to RAISE. Send the ids of the current children to "
                + "update them, or set onReplace (UPDATE, DELETE, NILIFY, MARK_AS_INVALID) on the relation");
        this.relation = relation;
    }

    /** The field of the embed or association whose current children would have been replaced. */
    public String relation() {
        return this.relation;
    }
}
