package io.schemaspring.metadata;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsMany;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.Introspection.AssociationDeclaration;
import io.schemaspring.metadata.Introspection.Referenced;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Association and embed fields: the related class each one names, checked to be a schema
 * of the right kind, and the classes the registry must introspect next.
 */
final class RelationFields {

    private final SchemaClass schemaClass;

    private final FieldAccessors accessors;

    private final List<Referenced> referenced = new ArrayList<>();

    RelationFields(SchemaClass schemaClass, FieldAccessors accessors) {
        this.schemaClass = schemaClass;
        this.accessors = accessors;
    }

    /**
     * Association targets, join schemas and embedded schemas, in the order they were met.
     */
    List<Referenced> referenced() {
        return this.referenced;
    }

    AssociationDeclaration declareAssociation(Field field) {
        boolean many = field.isAnnotationPresent(HasMany.class) || field.isAnnotationPresent(ManyToMany.class);
        Annotation annotation = DeclaredFields.RELATION_ANNOTATIONS.stream()
            .map(field::getAnnotation)
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow();
        String label = "@" + annotation.annotationType().getSimpleName();
        Class<?> related = relatedClass(field, many, label);
        if (!related.isAnnotationPresent(Schema.class)) {
            boolean embedded = related.isAnnotationPresent(EmbeddedSchema.class);
            String reason = embedded
                    ? "associated class " + related.getSimpleName() + " is an embedded schema, which has no table"
                    : "associated class " + related.getSimpleName() + " is not a schema";
            throw this.schemaClass.error(field.getName(), reason,
                    embedded ? "use @EmbedsOne/@EmbedsMany for embedded schemas"
                            : "annotate " + related.getSimpleName() + " with @Schema(\"table\")");
        }
        if (annotation instanceof ManyToMany manyToMany && manyToMany.joinThroughSchema() != void.class) {
            this.referenced.add(new Referenced(manyToMany.joinThroughSchema(), false));
        }
        this.referenced.add(new Referenced(related, false));
        return new AssociationDeclaration(field.getName(), annotation, many ? Cardinality.MANY : Cardinality.ONE,
                related, this.accessors.of(field));
    }

    EmbedMetadata buildEmbed(Field field, ColumnNames columns) {
        EmbedsOne one = field.getAnnotation(EmbedsOne.class);
        EmbedsMany many = field.getAnnotation(EmbedsMany.class);
        String label = one != null ? "@EmbedsOne" : "@EmbedsMany";
        Class<?> related = relatedClass(field, many != null, label);
        boolean annotated = related.isAnnotationPresent(EmbeddedSchema.class)
                || related.isAnnotationPresent(Schema.class);
        boolean inline = !annotated && related.isMemberClass() && Modifier.isStatic(related.getModifiers());
        if (!annotated && !inline) {
            throw this.schemaClass.error(field.getName(),
                    label + " expects an embedded schema, but " + related.getSimpleName() + " is not one", "annotate "
                            + related.getSimpleName() + " with @EmbeddedSchema or declare it as a static nested class");
        }
        this.referenced.add(new Referenced(related, inline));
        String source = columns.forEmbed(field.getName(), one != null ? one.source() : many.source());
        return new EmbedMetadata(field.getName(), one != null ? Cardinality.ONE : Cardinality.MANY, related, source,
                one != null ? one.onReplace() : many.onReplace(), one != null && one.defaultsToStruct(),
                this.accessors.of(field));
    }

    static boolean loadInQuery(Field field) {
        EmbedsOne one = field.getAnnotation(EmbedsOne.class);
        return one != null ? one.loadInQuery() : field.getAnnotation(EmbedsMany.class).loadInQuery();
    }

    private Class<?> relatedClass(Field field, boolean many, String label) {
        if (!many) {
            if (List.class.isAssignableFrom(field.getType())) {
                throw this.schemaClass.error(field.getName(),
                        label + " holds one struct, but the field is a " + field.getType().getSimpleName(),
                        "declare the field with the associated class, or use "
                                + "@HasMany/@ManyToMany/@EmbedsMany for lists");
            }
            return field.getType();
        }
        if (field.getType() == List.class && field.getGenericType() instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        throw this.schemaClass.error(field.getName(), label + " needs a List of the associated class, but the field is "
                + field.getGenericType().getTypeName(), "declare it as List<Related>, for example List<Post>");
    }

}
