package io.schemaspring.repo;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import java.util.BitSet;
import java.util.List;

/** Column names of a set of fields, in declaration order. */
final class FieldSources {

    private FieldSources() {
    }

    static List<String> of(SchemaMetadata metadata, BitSet included) {
        List<String> fields = metadata.fields();
        return included.stream().mapToObj(i -> metadata.fieldSource(fields.get(i))).toList();
    }

    static List<String> of(SchemaMetadata metadata, List<String> fields) {
        return fields.stream().map(metadata::fieldSource).toList();
    }

    /** The columns among them that hold JSON. */
    static List<String> json(SchemaMapping mapping, BitSet included) {
        SchemaMetadata metadata = mapping.metadata();
        List<String> fields = metadata.fields();
        return included.stream()
            .mapToObj(fields::get)
            .filter(name -> mapping.codec(name).json())
            .map(metadata::fieldSource)
            .toList();
    }

    static List<String> json(SchemaMapping mapping, List<String> fields) {
        return fields.stream().filter(name -> mapping.codec(name).json()).map(mapping.metadata()::fieldSource).toList();
    }

}
