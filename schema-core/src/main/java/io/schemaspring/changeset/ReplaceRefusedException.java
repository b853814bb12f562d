package io.schemaspring.changeset;

/**
 * Casting would replace or delete an embed or associated struct whose {@code onReplace} is
 * {@code RAISE} (the default), as Ecto refuses it. Set {@code onReplace} on the relation, or send
 * the ids of the current children.
 */
public class ReplaceRefusedException extends IllegalStateException {

    private final String relation;

    public ReplaceRefusedException(String relation, Class<?> owner) {
        super("you are attempting to change relation :" + relation + " of " + owner.getSimpleName()
                + " but the onReplace option of this relation is set to RAISE. Send the ids of the current children to "
                + "update them, or set onReplace (UPDATE, DELETE, NILIFY, MARK_AS_INVALID) on the relation");
        this.relation = relation;
    }

    public String relation() {
        return this.relation;
    }
}
