package io.schemaspring.changeset;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Changesets in one registry: the application's, so that its settings ({@code schema.*}, a
 * {@code FieldSourceMapper} bean, global types) apply to casting, nested casts and constraint
 * names. Auto-configured as a bean; standalone code builds one on its own registry.
 */
public final class Changesets {

    private final SchemaRegistry registry;

    /** Creates the changesets of {@code registry}, whose metadata every cast and change uses. */
    public Changesets(SchemaRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "Registry must not be null");
    }

    /** Ecto's {@code cast(data, params, permitted)}: parameters not permitted are ignored. */
    public <T> Changeset<T> cast(T data, Map<String, ?> params, String... permitted) {
        return cast(data, params, Arrays.asList(permitted));
    }

    /**
     * Ecto's {@code cast(data, params, permitted)}, the permitted fields as a collection: parameters
     * not permitted are ignored, and a permitted name that is an embed, an association or no field at
     * all is an {@code IllegalArgumentException}.
     */
    public <T> Changeset<T> cast(T data, Map<String, ?> params, Collection<String> permitted) {
        return Changeset.cast(metadata(data), data, params, permitted);
    }

    /** Ecto's {@code change(struct)}. */
    public <T> Changeset<T> change(T data) {
        return Changeset.change(metadata(data), data);
    }

    /** Ecto's {@code change(struct, changes)}: trusted changes, not cast. */
    public <T> Changeset<T> change(T data, Map<String, ?> changes) {
        Changeset<T> changeset = change(data);
        changes.forEach(changeset::putChange);
        return changeset;
    }

    /** The registry's metadata of a schema class. */
    public SchemaMetadata metadata(Class<?> schema) {
        return this.registry.get(schema);
    }

    private SchemaMetadata metadata(Object data) {
        return this.registry.get(data.getClass());
    }
}
