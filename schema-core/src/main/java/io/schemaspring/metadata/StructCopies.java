package io.schemaspring.metadata;

import java.lang.ref.WeakReference;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * Copies of structs, announced to the repositories that know where the original is
 * stored: a {@link StructMeta} travels inside a copy, but a class without one has its
 * prefix (its tenant) only in a repository's table, keyed by the struct itself. A copy
 * made by {@code Changeset.applyChanges()} or {@link Structs#copy(Object)} is announced
 * here, so it is written back where its original came from, never to the default schema.
 * Listeners are held weakly: a repository that is no longer used is forgotten.
 */
public final class StructCopies {

    private static final CopyOnWriteArrayList<WeakReference<BiConsumer<Object, Object>>> LISTENERS = new CopyOnWriteArrayList<>();

    private StructCopies() {
    }

    /**
     * Registers a listener told of each copy (original, copy); it is held weakly, so keep
     * it referenced.
     */
    public static void listen(BiConsumer<Object, Object> listener) {
        LISTENERS.add(new WeakReference<>(listener));
    }

    /** Announces that {@code copy} was made from {@code original}. */
    public static void copied(Object original, Object copy) {
        if (original == copy || LISTENERS.isEmpty()) {
            return;
        }
        for (WeakReference<BiConsumer<Object, Object>> reference : LISTENERS) {
            BiConsumer<Object, Object> listener = reference.get();
            if (listener == null) {
                LISTENERS.remove(reference);
            }
            else {
                listener.accept(original, copy);
            }
        }
    }

}
