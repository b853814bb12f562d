package io.schemaspring.repo;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What Ecto keeps in a struct's {@code __meta__} and a Java object cannot hold: the prefix it
 * was loaded from (when not the schema's default) and which single-valued associations were
 * preloaded. Keyed by identity and weakly, so it never keeps a struct alive.
 */
final class StructStates {

    private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    static final class State {
        volatile @Nullable String prefix;
        final Set<String> loaded = Collections.synchronizedSet(new HashSet<>());
    }

    State stateOf(Object struct) {
        expunge();
        return this.states.computeIfAbsent(new WeakKey(struct, this.collected), key -> new State());
    }

    @Nullable State find(Object struct) {
        return this.states.isEmpty() ? null : this.states.get(new LookupKey(struct));
    }

    /** Gives a copy of a struct the prefix and loaded associations of the original. */
    void copy(Object from, Object to) {
        State state = find(from);
        if (state != null) {
            State copy = stateOf(to);
            copy.prefix = state.prefix;
            copy.loaded.addAll(state.loaded);
        }
    }

    void forget(Object struct) {
        this.states.remove(new LookupKey(struct));
    }

    private void expunge() {
        Object reference;
        while ((reference = this.collected.poll()) != null) {
            this.states.remove((Key) reference);
        }
    }

    private interface Key {
        @Nullable Object referent();
    }

    private static final class WeakKey extends WeakReference<Object> implements Key {

        private final int hash;

        WeakKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public @Nullable Object referent() {
            return get();
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            return referent != null && other instanceof Key key && key.referent() == referent;
        }

        @Override
        public int hashCode() {
            return this.hash;
        }
    }

    private record LookupKey(Object referent) implements Key {

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.referent() == this.referent;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this.referent);
        }
    }
}
