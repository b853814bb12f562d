package io.schemaspring.metadata;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsMany;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.HasOne;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The instance fields of a schema class and its superclasses, in declaration order,
 * sorted into plain fields (columns and virtual fields), relation fields (associations
 * and embeds) and the {@link StructMeta} field.
 */
final class DeclaredFields {

    static final List<Class<? extends Annotation>> RELATION_ANNOTATIONS = List.of(BelongsTo.class, HasOne.class,
            HasMany.class, ManyToMany.class, EmbedsOne.class, EmbedsMany.class);

    private final SchemaClass schemaClass;

    private final List<java.lang.reflect.Field> declared = new ArrayList<>();

    private final Map<String, java.lang.reflect.Field> plainFields = new LinkedHashMap<>();

    private final List<java.lang.reflect.Field> relationFields = new ArrayList<>();

    private java.lang.reflect.@Nullable Field metaField;

    private DeclaredFields(SchemaClass schemaClass) {
        this.schemaClass = schemaClass;
    }

    static DeclaredFields collect(SchemaClass schemaClass) {
        DeclaredFields fields = new DeclaredFields(schemaClass);
        fields.collect();
        return fields;
    }

    /** Every field in declaration order, superclass fields first. */
    List<java.lang.reflect.Field> declared() {
        return this.declared;
    }

    /** Columns and virtual fields by name. */
    Map<String, java.lang.reflect.Field> plainFields() {
        return this.plainFields;
    }

    /** Association and embed fields. */
    List<java.lang.reflect.Field> relationFields() {
        return this.relationFields;
    }

    java.lang.reflect.@Nullable Field metaField() {
        return this.metaField;
    }

    static boolean isEmbed(java.lang.reflect.Field field) {
        return field.isAnnotationPresent(EmbedsOne.class) || field.isAnnotationPresent(EmbedsMany.class);
    }

    static boolean isVirtual(java.lang.reflect.Field field) {
        Field options = field.getAnnotation(Field.class);
        return options != null && options.virtual();
    }

    private void collect() {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> current = this.schemaClass.type(); current != null
                && current != Object.class; current = current.getSuperclass()) {
            hierarchy.add(0, current);
        }
        Map<String, Class<?>> declaredIn = new HashMap<>();
        for (Class<?> declaring : hierarchy) {
            for (java.lang.reflect.Field field : declaring.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                Class<?> previous = declaredIn.putIfAbsent(field.getName(), declaring);
                if (previous != null) {
                    throw this.schemaClass.error(field.getName(),
                            "field/association :" + field.getName() + " already exists on schema (declared in "
                                    + previous.getSimpleName() + " and " + declaring.getSimpleName() + ")",
                            "remove the duplication or choose a different name");
                }
                this.declared.add(field);
                classify(field);
            }
        }
    }

    private void classify(java.lang.reflect.Field field) {
        if (field.getType() == StructMeta.class) {
            declareMeta(field);
            return;
        }
        List<String> relations = RELATION_ANNOTATIONS.stream()
            .filter(field::isAnnotationPresent)
            .map(annotation -> "@" + annotation.getSimpleName())
            .toList();
        if (relations.size() > 1) {
            throw this.schemaClass.error(field.getName(), "it carries " + String.join(" and ", relations),
                    "keep only one of them");
        }
        if (relations.size() == 1) {
            if (field.isAnnotationPresent(Field.class) || field.isAnnotationPresent(PrimaryKey.class)) {
                throw this.schemaClass.error(field.getName(),
                        "it carries " + relations.get(0) + " together with @Field or @PrimaryKey",
                        "remove @Field/@PrimaryKey: associations and embeds " + "take their options from "
                                + relations.get(0));
            }
            this.relationFields.add(field);
            return;
        }
        checkNotSchemaTyped(field);
        this.plainFields.put(field.getName(), field);
    }

    private void declareMeta(java.lang.reflect.Field field) {
        if (this.schemaClass.embedded()) {
            throw this.schemaClass.error(field.getName(),
                    "an embedded schema is stored inside its parent and has no " + "StructMeta",
                    "remove the field; the parent's StructMeta describes both");
        }
        if (this.metaField != null) {
            throw this.schemaClass.error(field.getName(),
                    "StructMeta is already declared by :" + this.metaField.getName(), "keep one StructMeta field");
        }
        if (field.getAnnotations().length > 0) {
            throw this.schemaClass.error(field.getName(), "a StructMeta field is not a column and takes no annotations",
                    "remove the annotations from :" + field.getName());
        }
        this.metaField = field;
    }

    private void checkNotSchemaTyped(java.lang.reflect.Field field) {
        Class<?> target = field.getType();
        if (field.getGenericType() instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments().length == 1
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            target = element;
        }
        if (target.isAnnotationPresent(Schema.class) || target.isAnnotationPresent(EmbeddedSchema.class)) {
            throw this.schemaClass.error(field.getName(),
                    "schema " + target.getSimpleName() + " is not a valid type for field :" + field.getName(),
                    "did you mean to use @BelongsTo, @HasOne, "
                            + "@HasMany, @ManyToMany, @EmbedsOne or @EmbedsMany instead?");
        }
    }

}
