package io.schemaspring.repo;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.StructMeta;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Where structs are stored, Ecto's {@code __meta__}: the struct's own {@link StructMeta}
 * when its class declares one (it survives copies, JSON round trips excepted), else an
 * identity table that knows only the structs this repository read or wrote, and only
 * their prefix when it is not the schema's default. The table also remembers which
 * single-valued associations were preloaded. Keyed by identity and weakly, so it never
 * keeps a struct alive.
 */
final class StructStates implements java.util.function.BiConsumer<Object, Object> {

    /**
     * A prefix the struct is known to be stored in; {@code null} when nothing is known of
     * it.
     */
    record Known(@Nullable String prefix) {
    }

    private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();

    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    static final class State {

        volatile @Nullable String prefix;

        final Set<String> loaded = Collections.synchronizedSet(new HashSet<>());

        /**
         * Why the struct does not hold its stored row's values (read with {@code take},
         * {@code selectMerge} or from a values list), else null.
         */
        volatile @Nullable String partial;

        /** The fields a struct read with {@code take} holds, else null. */
        volatile java.util.@Nullable List<String> taken;

    }

    /** Where the struct is stored, as far as its meta or this table knows. */
    @Nullable Known known(SchemaMetadata metadata, Object struct) {
        StructMeta meta = metadata.getMeta(struct);
        if (meta != null && (meta.state() != StructMeta.State.BUILT || meta.prefix() != null)) {
            return new Known(meta.prefix());
        }
        State state = find(struct);
        return state != null && state.prefix != null ? new Known(state.prefix) : null;
    }

    /**
     * Records that structs were read from or written to {@code prefix} (the effective
     * one: never "default").
     */
    void loaded(SchemaMetadata metadata, Iterable<?> structs, @Nullable String prefix) {
        if (metadata.schemaless()) {
            return;
        }
        if (metadata.hasMeta()) {
            StructMeta meta = StructMeta.loaded(prefix, metadata.source());
            structs.forEach(struct -> metadata.putMeta(struct, meta));
        }
        else if (!java.util.Objects.equals(prefix, metadata.prefix())) {
            structs.forEach(struct -> stateOf(struct).prefix = prefix);
        }
    }

    /**
     * One struct, as {@link #loaded(SchemaMetadata, Iterable, String)}: on every read by
     * id and streamed row, so no list.
     */
    void loaded(SchemaMetadata metadata, Object struct, @Nullable String prefix) {
        if (metadata.schemaless()) {
            return;
        }
        if (metadata.hasMeta()) {
            metadata.putMeta(struct, StructMeta.loaded(prefix, metadata.source()));
        }
        else if (!java.util.Objects.equals(prefix, metadata.prefix())) {
            stateOf(struct).prefix = prefix;
        }
    }

    void deleted(SchemaMetadata metadata, Object struct, @Nullable String prefix) {
        if (metadata.schemaless()) {
            return;
        }
        if (metadata.hasMeta()) {
            metadata.putMeta(struct, StructMeta.loaded(prefix, metadata.source()).withState(StructMeta.State.DELETED));
        }
        forget(struct);
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
            copy.partial = state.partial;
            copy.taken = state.taken;
        }
    }

    /**
     * Records that structs do not hold their stored rows' values, and why: a whole-struct
     * write of them would overwrite the stored values.
     */
    void partial(Iterable<?> structs, String why) {
        structs.forEach(struct -> stateOf(struct).partial = why);
    }

    /** Records the fields structs read with {@code take} hold. */
    void taken(Iterable<?> structs, java.util.List<String> fields) {
        structs.forEach(struct -> stateOf(struct).taken = fields);
    }

    /** The fields a struct read with {@code take} holds, or null for a whole struct. */
    java.util.@Nullable List<String> taken(Object struct) {
        State state = find(struct);
        return state == null ? null : state.taken;
    }

    /** Why a struct does not hold its stored row's values, or null when it does. */
    @Nullable String partial(Object struct) {
        State state = find(struct);
        return state == null ? null : state.partial;
    }

    /**
     * A copy announced by {@link io.schemaspring.metadata.StructCopies}: it is stored
     * where its original is.
     */
    @Override
    public void accept(Object original, Object copy) {
        copy(original, copy);
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
