package io.schemaspring.metadata;

import java.util.AbstractList;

/**
 * What a list association holds until it is preloaded, Ecto's
 * {@code Ecto.Association.NotLoaded}: an empty-looking list that refuses to be read, so
 * that "not loaded" is never mistaken for "no rows". Test for it with
 * {@link #isLoaded(Object)}.
 */
public final class NotLoaded<E> extends AbstractList<E> {

    private final Class<?> owner;

    private final String association;

    /**
     * The placeholder for the association {@code association} of a struct of class
     * {@code owner}.
     */
    public NotLoaded(Class<?> owner, String association) {
        this.owner = owner;
        this.association = association;
    }

    /** Whether an association value is loaded: not a {@code NotLoaded} list. */
    public static boolean isLoaded(Object associationValue) {
        return !(associationValue instanceof NotLoaded<?>);
    }

    /** The name of the association this list stands in for. */
    public String association() {
        return this.association;
    }

    @Override
    public E get(int index) {
        throw new AssociationNotLoadedException(this.owner, this.association);
    }

    @Override
    public int size() {
        throw new AssociationNotLoadedException(this.owner, this.association);
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public String toString() {
        return "#NotLoaded<association :" + this.association + " is not loaded>";
    }

}
