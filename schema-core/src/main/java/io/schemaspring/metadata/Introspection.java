package io.schemaspring.metadata;

import io.schemaspring.annotation.FieldSourceMapper;
import java.lang.annotation.Annotation;
import java.util.List;

/**
 * What introspecting one class gives before associations are resolved: its metadata, the
 * associations it declares and the classes it refers to.
 */
record Introspection(SchemaMetadata metadata, List<AssociationDeclaration> associations, List<Referenced> referenced,
        FieldSourceMapper fieldSourceMapper) {

    /** An association field as declared, resolved against the related schema later. */
    record AssociationDeclaration(String name, Annotation annotation, Cardinality cardinality, Class<?> related,
            FieldAccessor accessor) {
    }

    /**
     * A class a schema points to: an association target, a join schema or an embed
     * (inline when not annotated).
     */
    record Referenced(Class<?> type, boolean inlineEmbed) {
    }
}
