package io.schemaspring.repo;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ConcurrentLruCache;

/**
 * Rendered SQL by statement shape: schema, prefix (a tenant named {@code "null"} is not
 * the default schema), kind and a shape that lists columns in declaration order, so that
 * the same change in another order shares one entry. Bounded, least recently used first
 * out, so that thousands of tenants cannot grow it without limit.
 */
final class StatementCache {

    static final int DEFAULT_CAPACITY = 4096;

    private final ConcurrentLruCache<Key, String> cache;

    StatementCache(int capacity) {
        this.cache = new ConcurrentLruCache<>(capacity, key -> key.render.get());
    }

    /**
     * The statement of a schema's (or a table's without a schema, keyed also by its table
     * and columns).
     */
    String get(io.schemaspring.metadata.SchemaMetadata metadata, @Nullable String prefix, String kind, Object shape,
            Supplier<String> render) {
        return get(metadata.schemaClass(), prefix, kind,
                metadata.schemaless() ? java.util.Arrays.asList(metadata.source(), metadata.fields(), shape) : shape,
                render);
    }

    String get(Class<?> schema, @Nullable String prefix, String kind, Object shape, Supplier<String> render) {
        return this.cache.get(new Key(schema, prefix, kind, shape, render));
    }

    int size() {
        return this.cache.size();
    }

    int capacity() {
        return this.cache.capacity();
    }

    /** A statement's identity; the renderer travels with it but is not part of it. */
    private static final class Key {

        private final Class<?> schema;

        private final @Nullable String prefix;

        private final String kind;

        private final Object shape;

        private final Supplier<String> render;

        Key(Class<?> schema, @Nullable String prefix, String kind, Object shape, Supplier<String> render) {
            this.schema = schema;
            this.prefix = prefix;
            this.kind = kind;
            this.shape = shape;
            this.render = render;
        }

        @Override
        public boolean equals(Object other) {
            return this == other
                    || (other instanceof Key key && this.schema == key.schema && Objects.equals(this.prefix, key.prefix)
                            && this.kind.equals(key.kind) && this.shape.equals(key.shape));
        }

        @Override
        public int hashCode() {
            int hash = this.schema.hashCode();
            hash = 31 * hash + Objects.hashCode(this.prefix);
            hash = 31 * hash + this.kind.hashCode();
            return 31 * hash + this.shape.hashCode();
        }

    }

}
