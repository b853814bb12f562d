package io.schemaspring.jackson;

import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.FieldAccessor;
import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.NotLoaded;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Writes one schema's structs: its fields and virtual fields in order, redacted ones left out, then loaded associations. */
final class SchemaSerializer<T> extends ValueSerializer<T> {

    private final String[] names;
    private final FieldAccessor[] accessors;
    private final String[] associationNames;
    private final FieldAccessor[] associationAccessors;

    SchemaSerializer(SchemaMetadata metadata) {
        List<FieldMetadata> fields = new ArrayList<>();
        metadata.fields().forEach(name -> fields.add(metadata.field(name)));
        metadata.virtualFields().forEach(name -> fields.add(metadata.field(name)));
        List<FieldMetadata> visible = fields.stream().filter(field -> !field.redact()).toList();
        this.names = visible.stream().map(FieldMetadata::name).toArray(String[]::new);
        this.accessors = visible.stream().map(FieldMetadata::accessor).toArray(FieldAccessor[]::new);
        List<AssociationMetadata> associations = metadata.associations().stream().map(metadata::association).toList();
        this.associationNames = associations.stream().map(AssociationMetadata::field).toArray(String[]::new);
        this.associationAccessors = associations.stream().map(AssociationMetadata::accessor).toArray(FieldAccessor[]::new);
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializationContext context) throws JacksonException {
        generator.writeStartObject(value);
        for (int i = 0; i < this.names.length; i++) {
            generator.writeName(this.names[i]);
            Object fieldValue = this.accessors[i].get(value);
            if (fieldValue == null) {
                generator.writeNull();
            }
            else {
                context.writeValue(generator, fieldValue);
            }
        }
        for (int i = 0; i < this.associationNames.length; i++) {
            Object associated = this.associationAccessors[i].get(value);
            if (associated != null && NotLoaded.isLoaded(associated)) {
                generator.writeName(this.associationNames[i]);
                context.writeValue(generator, associated);
            }
        }
        generator.writeEndObject();
    }
}
