package io.schemaspring.metadata;

import io.schemaspring.annotation.FieldSourceMapper;
import io.schemaspring.annotation.Writable;
import io.schemaspring.metadata.Introspection.AssociationDeclaration;
import io.schemaspring.type.EmbedType;
import io.schemaspring.type.SchemaTypes;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads one schema class into {@link SchemaMetadata}, failing with a
 * {@link SchemaDefinitionException} on the first error. The steps run in a fixed order,
 * so the first error reported is always the same: class checks, fields, associations, key
 * and timestamp roles, then each field in declaration order.
 */
final class SchemaIntrospector {

    private final SchemaSettings settings;

    private final SchemaTypes types;

    private final Generators generators;

    SchemaIntrospector(SchemaSettings settings, SchemaTypes types, Generators generators) {
        this.settings = settings;
        this.types = types;
        this.generators = generators;
    }

    Introspection introspect(Class<?> type, boolean inlineEmbed) {
        SchemaClass schemaClass = new SchemaClass(type, this.settings);
        schemaClass.checkAnnotations(inlineEmbed);
        RecordShape record = type.isRecord() ? RecordShape.of(schemaClass) : null;
        MethodHandle constructor = SchemaConstructor.find(schemaClass, record);
        FieldSourceMapper mapper = schemaClass.defaults().fieldSourceMapper();
        String source = schemaClass.source();
        String prefix = schemaClass.prefix();
        DeclaredFields declared = DeclaredFields.collect(schemaClass);
        if (record != null && declared.metaField() != null) {
            throw schemaClass.error(declared.metaField().getName(),
                    "a record cannot hold a StructMeta: records are never changed in place",
                    "remove the StructMeta component; the repository remembers where records are stored");
        }
        FieldAccessors accessors = new FieldAccessors(type, declared.declared(), this.settings.bytecode(), record);
        RelationFields relations = new RelationFields(schemaClass, accessors);
        List<AssociationDeclaration> associations = new ArrayList<>();
        for (Field field : declared.relationFields()) {
            if (!DeclaredFields.isEmbed(field)) {
                associations.add(relations.declareAssociation(field));
            }
        }
        FieldRoles roles = FieldRoles.resolve(schemaClass, declared);
        ColumnNames columns = new ColumnNames(schemaClass, roles, mapper);
        Autogeneration autogeneration = new Autogeneration(schemaClass, this.generators);
        PlainFieldBuilder plainFields = new PlainFieldBuilder(schemaClass, roles,
                new FieldTypeResolver(schemaClass, roles, this.types), columns, autogeneration);

        Map<String, FieldBuild> built = new LinkedHashMap<>();
        List<EmbedMetadata> embeds = new ArrayList<>();
        for (Field field : declared.declared()) {
            if (declared.plainFields().containsKey(field.getName())) {
                built.put(field.getName(), plainFields.build(field));
            }
            else if (DeclaredFields.isEmbed(field)) {
                EmbedMetadata embed = relations.buildEmbed(field, columns);
                embeds.add(embed);
                built.put(field.getName(),
                        new FieldBuild(field, embed.source(),
                                new EmbedType(embed.related(), embed.cardinality() == Cardinality.MANY), false, false,
                                false, false, RelationFields.loadInQuery(field), false, Writable.ALWAYS));
            }
        }
        Object prototype = SchemaConstructor.prototype(schemaClass, constructor);
        List<FieldMetadata> fields = new ArrayList<>();
        List<FieldMetadata> virtualFields = new ArrayList<>();
        primaryKeysFirst(built).forEach(build -> {
            FieldMetadata metadata = build.toMetadata(prototype, accessors.of(build.field()));
            (metadata.virtual() ? virtualFields : fields).add(metadata);
        });
        List<String> autoupdate = new ArrayList<>();
        if (schemaClass.defaults().updatedAtEnabled()) {
            autoupdate.add(schemaClass.defaults().updatedAt());
        }
        List<String> autogenerateFields = new ArrayList<>(autogeneration.fields());
        autogenerateFields.addAll(roles.timestamps());
        SchemaMetadata metadata = new SchemaMetadata(type, source, prefix, schemaClass.context(),
                schemaClass.embedded(), fields, virtualFields, embeds, autogeneration.autogenerateId(),
                autogenerateFields, autoupdate, constructor, accessors.access());
        if (record != null) {
            metadata.record(record);
        }
        metadata.generators(autogeneration.generators(), timestampsGenerator(schemaClass, fields, autogenerateFields));
        Field metaField = declared.metaField();
        if (metaField != null) {
            metadata.metaAccessor(accessors.of(metaField));
        }
        metadata.versionField(VersionField.find(schemaClass, declared, fields, virtualFields));
        return new Introspection(metadata, associations, relations.referenced(), mapper);
    }

    /**
     * The schema's {@code @Timestamps(generator = ...)}, a clock that must generate
     * {@link java.time.Instant}s.
     */
    private io.schemaspring.type.@org.jspecify.annotations.Nullable FieldGenerator<?> timestampsGenerator(
            SchemaClass schemaClass, List<FieldMetadata> fields, List<String> autogenerateFields) {
        Class<?> generator = schemaClass.defaults().timestampsGenerator();
        if (generator == null || !schemaClass.defaults().hasTimestamps()) {
            return null;
        }
        String name = schemaClass.defaults().insertedAtEnabled() ? schemaClass.defaults().insertedAt()
                : schemaClass.defaults().updatedAt();
        return this.generators.create(schemaClass, name, null, generator, java.time.Instant.class,
                "@Timestamps(generator = ...)");
    }

    private static List<FieldBuild> primaryKeysFirst(Map<String, FieldBuild> built) {
        List<FieldBuild> ordered = new ArrayList<>();
        built.values().stream().filter(FieldBuild::primaryKey).forEach(ordered::add);
        built.values().stream().filter(build -> !build.primaryKey()).forEach(ordered::add);
        return ordered;
    }

    static String names(List<String> names) {
        return names.stream().map(name -> ":" + name).collect(Collectors.joining(", ", "[", "]"));
    }

}
