package io.schemaspring.metadata;

/**
 * Reading an association that was not preloaded, Ecto's
 * {@code #Ecto.Association.NotLoaded<...>}.
 */
public class AssociationNotLoadedException extends IllegalStateException {

    /**
     * An error naming the association and its owner class, and saying how to preload it.
     */
    public AssociationNotLoadedException(Class<?> owner, String association) {
        super("association :" + association + " is not loaded on " + owner.getSimpleName()
                + ". Preload it with Query.preload(\"" + association + "\") or repo.preload(struct, \"" + association
                + "\")");
    }

}
