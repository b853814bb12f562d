package io.schemaspring.metadata;

/**
 * The component values of a record schema while the repository fills them in: reads,
 * generated ids, timestamps and changes go into the draft, and
 * {@link Structs#build(Object)} makes the new record through its canonical constructor.
 * Internal.
 */
public final class RecordDraft {

    final SchemaMetadata metadata;

    final Object[] values;

    RecordDraft(SchemaMetadata metadata, Object[] values) {
        this.metadata = metadata;
        this.values = values;
    }

    /** The schema of the record this draft builds. */
    public SchemaMetadata metadata() {
        return this.metadata;
    }

    @Override
    public String toString() {
        return "RecordDraft[" + this.metadata.schemaClass().getSimpleName() + "]";
    }

}
