package io.schemaspring.metadata;

import io.schemaspring.annotation.FieldSourceMapper;
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
import io.schemaspring.annotation.Writable;
import io.schemaspring.metadata.Introspection.AssociationDeclaration;
import io.schemaspring.metadata.Introspection.Referenced;
import io.schemaspring.type.CustomType;
import io.schemaspring.type.EmbedType;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.InvalidTypeException;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.SchemaType;
import io.schemaspring.type.Type;
import io.schemaspring.type.Types;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Reads one schema class into {@link SchemaMetadata}, failing with a {@link SchemaDefinitionException} on the first error. */
final class SchemaIntrospector {

    private static final List<Class<? extends Annotation>> RELATION_ANNOTATIONS = List.of(BelongsTo.class, HasOne.class,
            HasMany.class, ManyToMany.class, EmbedsOne.class, EmbedsMany.class);

    private final SchemaSettings settings;

    SchemaIntrospector(SchemaSettings settings) {
        this.settings = settings;
    }

    Introspection introspect(Class<?> type, boolean inlineEmbed) {
        return new ClassIntrospection(type, inlineEmbed).run();
    }

    /** The state of introspecting one class. */
    private final class ClassIntrospection {

        private final Class<?> type;
        private final boolean inlineEmbed;
        private final SchemaDefaultsResolver defaults;
        private final @Nullable Schema schema;
        private final boolean embedded;
        private FieldSourceMapper mapper = FieldSourceMapper.SNAKE_CASE;
        private final Map<String, java.lang.reflect.Field> plainFields = new LinkedHashMap<>();
        private final List<java.lang.reflect.Field> relationFields = new ArrayList<>();
        private final List<java.lang.reflect.Field> declared = new ArrayList<>();
        private java.lang.reflect.@Nullable Field metaField;
        private @Nullable StructAccess access;
        private final Map<String, Boolean> primaryKeys = new LinkedHashMap<>();
        private final Set<String> foreignKeys = new LinkedHashSet<>();
        private final Map<String, @Nullable String> timestampSources = new LinkedHashMap<>();
        private final Map<String, String> columns = new HashMap<>();
        private final List<Referenced> referenced = new ArrayList<>();
        private @Nullable AutogenerateId autogenerateId;
        private final List<String> autogenerateFields = new ArrayList<>();

        ClassIntrospection(Class<?> type, boolean inlineEmbed) {
            this.type = type;
            this.inlineEmbed = inlineEmbed;
            this.schema = type.getAnnotation(Schema.class);
            this.embedded = this.schema == null;
            this.defaults = new SchemaDefaultsResolver(type, SchemaIntrospector.this.settings);
        }

        Introspection run() {
            checkAnnotations();
            MethodHandle constructor = constructor();
            this.mapper = this.defaults.fieldSourceMapper();
            String source = null;
            String prefix = null;
            if (this.schema != null) {
                source = this.schema.value();
                if (!SqlIdentifiers.isValid(source)) {
                    throw error(null, "source \"" + source + "\" is not a valid SQL identifier",
                            "name the table with letters, digits and underscores, for example @Schema(\"users\")");
                }
                prefix = this.defaults.prefix(this.schema);
                if (prefix != null && !SqlIdentifiers.isValid(prefix)) {
                    throw error(null, "prefix \"" + prefix + "\" is not a valid SQL identifier",
                            "use letters, digits and underscores in @Schema(prefix), @SchemaDefaults(prefix) or schema.prefix");
                }
            }
            collectFields();
            this.access = StructAccessGenerator.generate(this.type, this.declared, SchemaIntrospector.this.settings.bytecode());
            List<AssociationDeclaration> associations = new ArrayList<>();
            Map<String, java.lang.reflect.Field> embedFields = new LinkedHashMap<>();
            for (java.lang.reflect.Field field : this.relationFields) {
                if (field.isAnnotationPresent(EmbedsOne.class) || field.isAnnotationPresent(EmbedsMany.class)) {
                    embedFields.put(field.getName(), field);
                }
                else {
                    associations.add(declareAssociation(field));
                }
            }
            resolvePrimaryKeys();
            resolveForeignKeys();
            resolveTimestamps();

            Map<String, FieldBuild> built = new LinkedHashMap<>();
            List<EmbedMetadata> embeds = new ArrayList<>();
            for (java.lang.reflect.Field field : this.declared) {
                if (this.plainFields.containsKey(field.getName())) {
                    built.put(field.getName(), buildField(field));
                }
                else if (embedFields.containsKey(field.getName())) {
                    EmbedMetadata embed = buildEmbed(field);
                    embeds.add(embed);
                    built.put(field.getName(), new FieldBuild(field, embed.source(),
                            new EmbedType(embed.related(), embed.cardinality() == Cardinality.MANY),
                            false, false, false, false, loadInQuery(field), false, Writable.ALWAYS));
                }
            }
            Object prototype = prototype(constructor);
            List<FieldMetadata> fields = new ArrayList<>();
            List<FieldMetadata> virtualFields = new ArrayList<>();
            declarationOrder(built).forEach(build -> {
                FieldMetadata metadata = build.toMetadata(prototype, accessor(build.field()));
                (metadata.virtual() ? virtualFields : fields).add(metadata);
            });
            List<String> autoupdate = new ArrayList<>();
            if (this.defaults.updatedAtEnabled()) {
                autoupdate.add(this.defaults.updatedAt());
            }
            this.autogenerateFields.addAll(this.timestampSources.keySet());
            SchemaMetadata metadata = new SchemaMetadata(this.type, source, prefix,
                    this.schema == null ? null : this.defaults.context(this.schema), this.embedded, fields, virtualFields,
                    embeds, this.autogenerateId, this.autogenerateFields, autoupdate, constructor, this.access);
            if (this.metaField != null) {
                metadata.metaAccessor(accessor(this.metaField));
            }
            metadata.versionField(versionField(fields, virtualFields));
            return new Introspection(metadata, associations, this.referenced, this.mapper);
        }

        private void checkAnnotations() {
            boolean embeddedAnnotation = this.type.isAnnotationPresent(EmbeddedSchema.class);
            if (this.schema != null && embeddedAnnotation) {
                throw error(null, "it is annotated with both @Schema and @EmbeddedSchema",
                        "keep @Schema for a table or @EmbeddedSchema for a JSON embed");
            }
            if (this.schema == null && !embeddedAnnotation && !this.inlineEmbed) {
                throw error(null, "it is not annotated with @Schema or @EmbeddedSchema",
                        "annotate it with @Schema(\"table\") or @EmbeddedSchema");
            }
        }

        private MethodHandle constructor() {
            if (this.type.isInterface() || Modifier.isAbstract(this.type.getModifiers())) {
                throw error(null, "it is abstract or an interface",
                        "make it a concrete class; shared fields can live in an abstract superclass without @Schema");
            }
            if (this.type.isRecord()) {
                throw error(null, "it is a record, and records cannot be loaded field by field",
                        "declare a class with fields and a no-argument constructor");
            }
            if (this.type.getEnclosingClass() != null && !Modifier.isStatic(this.type.getModifiers())) {
                throw error(null, "it is an inner class, which needs an enclosing instance", "declare it static");
            }
            try {
                Constructor<?> constructor = this.type.getDeclaredConstructor();
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(this.type, MethodHandles.lookup());
                return lookup.unreflectConstructor(constructor).asType(MethodType.methodType(Object.class));
            }
            catch (NoSuchMethodException ex) {
                throw error(null, "it has no no-argument constructor",
                        "add a no-argument constructor (it may be private or protected)");
            }
            catch (IllegalAccessException ex) {
                throw error(null, "its constructor cannot be accessed (" + ex.getMessage() + ")",
                        "open its package to io.schemaspring");
            }
        }

        private void collectFields() {
            List<Class<?>> hierarchy = new ArrayList<>();
            for (Class<?> current = this.type; current != null && current != Object.class; current = current.getSuperclass()) {
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
                        throw error(field.getName(), "field/association :" + field.getName()
                                + " already exists on schema (declared in " + previous.getSimpleName() + " and "
                                + declaring.getSimpleName() + ")", "remove the duplication or choose a different name");
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
            List<String> relations = RELATION_ANNOTATIONS.stream().filter(field::isAnnotationPresent)
                    .map(annotation -> "@" + annotation.getSimpleName()).toList();
            if (relations.size() > 1) {
                throw error(field.getName(), "it carries " + String.join(" and ", relations), "keep only one of them");
            }
            if (relations.size() == 1) {
                if (field.isAnnotationPresent(Field.class) || field.isAnnotationPresent(PrimaryKey.class)) {
                    throw error(field.getName(), "it carries " + relations.get(0) + " together with @Field or @PrimaryKey",
                            "remove @Field/@PrimaryKey: associations and embeds take their options from " + relations.get(0));
                }
                this.relationFields.add(field);
                return;
            }
            checkNotSchemaTyped(field);
            this.plainFields.put(field.getName(), field);
        }

        /** The field Spring Data's {@code @Version} marks: Ecto's {@code optimistic_lock} applied on every write. */
        private @Nullable String versionField(List<FieldMetadata> fields, List<FieldMetadata> virtualFields) {
            String version = null;
            for (java.lang.reflect.Field field : this.declared) {
                if (!field.isAnnotationPresent(org.springframework.data.annotation.Version.class)) {
                    continue;
                }
                String name = field.getName();
                if (version != null) {
                    throw error(name, "@Version is already declared on :" + version, "keep one @Version field");
                }
                if (!this.plainFields.containsKey(name) || virtualFields.stream().anyMatch(f -> f.name().equals(name))) {
                    throw error(name, "@Version marks a field that is not a stored column", "put @Version on an integer field");
                }
                FieldMetadata metadata = fields.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
                Class<?> type = metadata.type().javaType();
                if (!(type == Integer.class || type == Long.class || type == Short.class)) {
                    throw error(name, "@Version needs an integer field, and :" + name + " is " + metadata.type(),
                            "declare it as Integer, Long, int or long");
                }
                if (metadata.primaryKey()) {
                    throw error(name, "a primary key cannot be the @Version of its struct", "add a separate version field");
                }
                version = name;
            }
            return version;
        }

        private void declareMeta(java.lang.reflect.Field field) {
            if (this.embedded) {
                throw error(field.getName(), "an embedded schema is stored inside its parent and has no StructMeta",
                        "remove the field; the parent's StructMeta describes both");
            }
            if (this.metaField != null) {
                throw error(field.getName(), "StructMeta is already declared by :" + this.metaField.getName(),
                        "keep one StructMeta field");
            }
            if (field.getAnnotations().length > 0) {
                throw error(field.getName(), "a StructMeta field is not a column and takes no annotations",
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
                throw error(field.getName(), "schema " + target.getSimpleName() + " is not a valid type for field :"
                        + field.getName(), "did you mean to use @BelongsTo, @HasOne, @HasMany, @ManyToMany, "
                        + "@EmbedsOne or @EmbedsMany instead?");
            }
        }

        private AssociationDeclaration declareAssociation(java.lang.reflect.Field field) {
            boolean many = field.isAnnotationPresent(HasMany.class) || field.isAnnotationPresent(ManyToMany.class);
            Annotation annotation = RELATION_ANNOTATIONS.stream().map(field::getAnnotation)
                    .filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            String label = "@" + annotation.annotationType().getSimpleName();
            Class<?> related = relatedClass(field, many, label);
            if (!related.isAnnotationPresent(Schema.class)) {
                String reason = related.isAnnotationPresent(EmbeddedSchema.class)
                        ? "associated class " + related.getSimpleName() + " is an embedded schema, which has no table"
                        : "associated class " + related.getSimpleName() + " is not a schema";
                throw error(field.getName(), reason, related.isAnnotationPresent(EmbeddedSchema.class)
                        ? "use @EmbedsOne/@EmbedsMany for embedded schemas"
                        : "annotate " + related.getSimpleName() + " with @Schema(\"table\")");
            }
            if (annotation instanceof ManyToMany manyToMany && manyToMany.joinThroughSchema() != void.class) {
                this.referenced.add(new Referenced(manyToMany.joinThroughSchema(), false));
            }
            this.referenced.add(new Referenced(related, false));
            return new AssociationDeclaration(field.getName(), annotation, many ? Cardinality.MANY : Cardinality.ONE,
                    related, accessor(field));
        }

        private Class<?> relatedClass(java.lang.reflect.Field field, boolean many, String label) {
            if (!many) {
                if (List.class.isAssignableFrom(field.getType())) {
                    throw error(field.getName(), label + " holds one struct, but the field is a " + field.getType().getSimpleName(),
                            "declare the field with the associated class, or use @HasMany/@ManyToMany/@EmbedsMany for lists");
                }
                return field.getType();
            }
            if (field.getType() == List.class && field.getGenericType() instanceof ParameterizedType parameterized
                    && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
                return element;
            }
            throw error(field.getName(), label + " needs a List of the associated class, but the field is "
                    + field.getGenericType().getTypeName(), "declare it as List<" + "Related" + ">, for example List<Post>");
        }

        private void resolvePrimaryKeys() {
            for (java.lang.reflect.Field field : this.plainFields.values()) {
                PrimaryKey primaryKey = field.getAnnotation(PrimaryKey.class);
                if (primaryKey != null) {
                    this.primaryKeys.put(field.getName(), Boolean.TRUE);
                }
            }
            if (!this.primaryKeys.isEmpty() || !defaultPrimaryKeyEnabled()) {
                return;
            }
            String name = this.defaults.primaryKeyName();
            java.lang.reflect.Field field = this.plainFields.get(name);
            if (field == null || isVirtual(field)) {
                if (this.embedded) {
                    return;
                }
                throw error(name, "the primary key field :" + name + " is not declared",
                        "declare `private Long " + name + ";` (or UUID), mark the key fields with @PrimaryKey, "
                                + "or use @Schema(primaryKey = false) for a table without a primary key");
            }
            this.primaryKeys.put(name, Boolean.FALSE);
        }

        private boolean defaultPrimaryKeyEnabled() {
            if (this.schema != null) {
                return this.schema.primaryKey();
            }
            EmbeddedSchema embeddedSchema = this.type.getAnnotation(EmbeddedSchema.class);
            return embeddedSchema == null || embeddedSchema.primaryKey();
        }

        private void resolveForeignKeys() {
            for (java.lang.reflect.Field field : this.relationFields) {
                BelongsTo belongsTo = field.getAnnotation(BelongsTo.class);
                if (belongsTo == null) {
                    continue;
                }
                String foreignKey = foreignKeyOf(field.getName(), belongsTo);
                if (foreignKey.equals(field.getName())) {
                    throw error(field.getName(), "foreign_key :" + foreignKey
                            + " must be distinct from corresponding association name",
                            "name the foreign key field differently, for example " + field.getName() + "Id");
                }
                java.lang.reflect.Field key = this.plainFields.get(foreignKey);
                if (key == null || isVirtual(key)) {
                    throw error(field.getName(), "@BelongsTo :" + field.getName() + " needs the foreign key field :"
                            + foreignKey + ", which is not declared",
                            "declare `private Long " + foreignKey + ";` or set @BelongsTo(foreignKey = \"...\")");
                }
                this.foreignKeys.add(foreignKey);
            }
        }

        private void resolveTimestamps() {
            if (!this.defaults.hasTimestamps()) {
                return;
            }
            if (this.defaults.insertedAtEnabled()) {
                requireTimestamp(this.defaults.insertedAt(), this.defaults.insertedAtSource(), "insertedAt");
            }
            if (this.defaults.updatedAtEnabled()) {
                requireTimestamp(this.defaults.updatedAt(), this.defaults.updatedAtSource(), "updatedAt");
            }
        }

        private void requireTimestamp(String name, @Nullable String source, String option) {
            java.lang.reflect.Field field = this.plainFields.get(name);
            if (field == null || isVirtual(field)) {
                throw error(name, "@Timestamps needs the field :" + name + ", which is not declared",
                        "declare `private LocalDateTime " + name + ";` or set @Timestamps(" + option + " = \"...\")");
            }
            this.timestampSources.put(name, source);
        }

        private FieldBuild buildField(java.lang.reflect.Field field) {
            String name = field.getName();
            Field options = field.getAnnotation(Field.class);
            boolean virtual = options != null && options.virtual();
            boolean primaryKey = this.primaryKeys.containsKey(name);
            if (virtual && (primaryKey || this.foreignKeys.contains(name) || this.timestampSources.containsKey(name))) {
                throw error(name, "a virtual field cannot be a primary key, foreign key or timestamp",
                        "remove virtual = true or use another field");
            }
            Type type = resolveType(field, options, primaryKey);
            String source = virtual ? null : source(field, options);
            boolean readAfterWrites = options != null && options.readAfterWrites();
            boolean autogenerate = primaryKey && !Boolean.TRUE.equals(this.primaryKeys.get(name))
                    ? this.defaults.primaryKeyAutogenerate() && generatesKey(type)
                    : primaryKey && field.getAnnotation(PrimaryKey.class).autogenerate();
            autogenerate = autogenerate || (options != null && options.autogenerate());
            if (virtual && (autogenerate || readAfterWrites)) {
                throw error(name, "a virtual field is never persisted, so it cannot be autogenerate or readAfterWrites",
                        "remove virtual = true or the other option");
            }
            if (autogenerate && readAfterWrites) {
                throw error(name, "cannot mark the same field as autogenerate and read_after_writes",
                        "keep only one of autogenerate and readAfterWrites");
            }
            if (autogenerate) {
                registerAutogenerate(name, source, type, primaryKey);
            }
            return new FieldBuild(field, source, type, primaryKey, virtual, autogenerate, readAfterWrites,
                    options == null || options.loadInQuery(), options != null && options.redact(),
                    options == null ? Writable.ALWAYS : options.writable());
        }

        /** The default key is generated only where it can be: {@code :id} by the database, {@code :binary_id} before insert. */
        private boolean generatesKey(Type type) {
            return type instanceof PrimitiveType primitive && (primitive.fieldType() == FieldType.BINARY_ID
                    || (primitive.fieldType() == FieldType.ID && !this.embedded));
        }

        private void registerAutogenerate(String name, @Nullable String source, Type type, boolean primaryKey) {
            if (type instanceof PrimitiveType primitive
                    && (primitive.fieldType() == FieldType.ID || primitive.fieldType() == FieldType.BINARY_ID)) {
                if (!primaryKey) {
                    throw error(name, "only primary keys allow :autogenerate for type " + type + ", field :" + name
                            + " is not a primary key", primitive.fieldType() == FieldType.BINARY_ID
                            ? "remove autogenerate, or use @Field(type = FieldType.UUID, autogenerate = true) for a generated UUID that is not a key"
                            : "remove autogenerate");
                }
                if (this.autogenerateId != null) {
                    throw error(name, "only one primary key with ID type may be marked as autogenerated",
                            "keep autogenerate on :" + this.autogenerateId.field() + " only");
                }
                this.autogenerateId = new AutogenerateId(name, source, type);
                return;
            }
            if (type instanceof PrimitiveType primitive && primitive.fieldType() == FieldType.UUID) {
                this.autogenerateFields.add(name);
                return;
            }
            if (type instanceof CustomType custom) {
                if (!custom.autogenerates()) {
                    throw error(name, "field :" + name + " does not support :autogenerate because it uses a custom type "
                            + custom + " that does not define autogenerate()", "implement autogenerate() in "
                            + custom + " or remove autogenerate");
                }
                this.autogenerateFields.add(name);
                return;
            }
            throw error(name, "field :" + name + " does not support :autogenerate because it uses a primitive type " + type,
                    "remove autogenerate: only :id and :binary_id primary keys, FieldType.UUID fields and custom types "
                            + "defining autogenerate() generate values");
        }

        private Type resolveType(java.lang.reflect.Field field, @Nullable Field options, boolean primaryKey) {
            String name = field.getName();
            FieldType override = options == null ? FieldType.DEFAULT : options.type();
            if (options != null && options.customType() != SchemaType.class) {
                if (override != FieldType.DEFAULT) {
                    throw error(name, "it sets both type and customType", "keep only one of them");
                }
                return wrapType(name, () -> Types.custom(instantiate(name, options.customType()), field.getGenericType()));
            }
            String setting = null;
            if (override == FieldType.DEFAULT) {
                if (primaryKey && !Boolean.TRUE.equals(this.primaryKeys.get(name))
                        && this.defaults.primaryKeyType() != FieldType.DEFAULT) {
                    override = this.defaults.primaryKeyType();
                    setting = "the primary key type";
                }
                else if (this.foreignKeys.contains(name) && this.defaults.foreignKeyType() != FieldType.DEFAULT) {
                    override = this.defaults.foreignKeyType();
                    setting = "the foreign key type";
                }
                else if (this.timestampSources.containsKey(name) && this.defaults.timestampsType() != FieldType.DEFAULT) {
                    override = this.defaults.timestampsType();
                    setting = "the timestamps type";
                }
            }
            boolean key = primaryKey || this.foreignKeys.contains(name);
            FieldType chosen = override;
            String configured = setting;
            Type type = wrapType(name, () -> {
                try {
                    return Types.resolve(field.getGenericType(), chosen, key);
                }
                catch (InvalidTypeException ex) {
                    if (configured == null) {
                        throw ex;
                    }
                    throw new InvalidTypeException(configured + " " + chosen + " cannot be held in a "
                            + field.getType().getSimpleName() + " field", "declare :" + name + " as " + chosen.javaTypeNames()
                            + ", set @Field(type = ...) on it, or change " + configured + " (@SchemaDefaults or schema.* properties)");
                }
            });
            if (this.timestampSources.containsKey(name)
                    && !(type instanceof PrimitiveType primitive && primitive.fieldType().datetime())) {
                throw error(name, "timestamps must be date-times, but :" + name + " has type " + type,
                        "declare it as LocalDateTime, Instant or OffsetDateTime");
            }
            return type;
        }

        private Type wrapType(String name, java.util.function.Supplier<Type> resolution) {
            try {
                return resolution.get();
            }
            catch (InvalidTypeException ex) {
                throw error(name, ex.reason() + " for field :" + name, ex.fix());
            }
        }

        private SchemaType<?> instantiate(String name, Class<? extends SchemaType> typeClass) {
            try {
                Constructor<? extends SchemaType> constructor = typeClass.getDeclaredConstructor();
                constructor.setAccessible(true);
                return constructor.newInstance();
            }
            catch (ReflectiveOperationException | RuntimeException ex) {
                throw error(name, "custom type " + typeClass.getSimpleName() + " cannot be instantiated (" + ex + ")",
                        "give " + typeClass.getSimpleName() + " a no-argument constructor");
            }
        }

        private String source(java.lang.reflect.Field field, @Nullable Field options) {
            String name = field.getName();
            String source;
            if (options != null && !options.source().isEmpty()) {
                source = options.source();
            }
            else if (this.timestampSources.get(name) != null) {
                source = this.timestampSources.get(name);
            }
            else {
                source = this.mapper.sourceFor(name);
            }
            return claimColumn(name, source);
        }

        private String claimColumn(String name, String source) {
            if (!SqlIdentifiers.isValid(source)) {
                throw error(name, "column \"" + source + "\" is not a valid SQL identifier",
                        "use letters, digits and underscores, for example @Field(source = \"email_address\")");
            }
            String owner = this.columns.putIfAbsent(source.toLowerCase(java.util.Locale.ROOT), name);
            if (owner != null) {
                throw error(name, "column \"" + source + "\" is already used by field :" + owner,
                        "give one of them another column with @Field(source = \"...\")");
            }
            return source;
        }

        private EmbedMetadata buildEmbed(java.lang.reflect.Field field) {
            EmbedsOne one = field.getAnnotation(EmbedsOne.class);
            EmbedsMany many = field.getAnnotation(EmbedsMany.class);
            String label = one != null ? "@EmbedsOne" : "@EmbedsMany";
            Class<?> related = relatedClass(field, many != null, label);
            boolean annotated = related.isAnnotationPresent(EmbeddedSchema.class) || related.isAnnotationPresent(Schema.class);
            boolean inline = !annotated && related.isMemberClass() && Modifier.isStatic(related.getModifiers());
            if (!annotated && !inline) {
                throw error(field.getName(), label + " expects an embedded schema, but " + related.getSimpleName()
                        + " is not one", "annotate " + related.getSimpleName()
                        + " with @EmbeddedSchema or declare it as a static nested class");
            }
            this.referenced.add(new Referenced(related, inline));
            String configured = one != null ? one.source() : many.source();
            String source = claimColumn(field.getName(), configured.isEmpty() ? this.mapper.sourceFor(field.getName()) : configured);
            return new EmbedMetadata(field.getName(), one != null ? Cardinality.ONE : Cardinality.MANY, related, source,
                    one != null ? one.onReplace() : many.onReplace(), one != null && one.defaultsToStruct(),
                    accessor(field));
        }

        private boolean loadInQuery(java.lang.reflect.Field field) {
            EmbedsOne one = field.getAnnotation(EmbedsOne.class);
            return one != null ? one.loadInQuery() : field.getAnnotation(EmbedsMany.class).loadInQuery();
        }

        private Object prototype(MethodHandle constructor) {
            try {
                return (Object) constructor.invokeExact();
            }
            catch (Throwable ex) {
                throw error(null, "its no-argument constructor threw " + ex,
                        "make the constructor succeed: the registry builds one instance to read the field defaults");
            }
        }

        private List<FieldBuild> declarationOrder(Map<String, FieldBuild> built) {
            List<FieldBuild> ordered = new ArrayList<>();
            built.values().stream().filter(FieldBuild::primaryKey).forEach(ordered::add);
            built.values().stream().filter(build -> !build.primaryKey()).forEach(ordered::add);
            return ordered;
        }

        private boolean isVirtual(java.lang.reflect.Field field) {
            Field options = field.getAnnotation(Field.class);
            return options != null && options.virtual();
        }

        private String foreignKeyOf(String association, BelongsTo belongsTo) {
            return belongsTo.foreignKey().isEmpty() ? association + "Id" : belongsTo.foreignKey();
        }

        /** The field's accessor: through the generated access when it reaches the field. */
        private FieldAccessor accessor(java.lang.reflect.Field field) {
            boolean generated = this.access != null && StructAccessGenerator.reachable(this.type, field)
                    && !Modifier.isFinal(field.getModifiers());
            return generated ? FieldAccessor.of(field, this.access, this.declared.indexOf(field)) : FieldAccessor.of(field);
        }

        private SchemaDefinitionException error(@Nullable String field, String reason, String fix) {
            return new SchemaDefinitionException(this.type, field, reason, fix);
        }
    }

    /** A field with everything but its default value, which needs the prototype instance. */
    private record FieldBuild(java.lang.reflect.Field field, @Nullable String source, Type type, boolean primaryKey,
            boolean virtual, boolean autogenerate, boolean readAfterWrites, boolean loadInQuery, boolean redact,
            Writable writable) {

        FieldMetadata toMetadata(Object prototype, FieldAccessor accessor) {
            Object defaultValue = accessor.get(prototype);
            if (defaultValue == null && this.type instanceof EmbedType embed && embed.many()) {
                defaultValue = List.of();
            }
            return new FieldMetadata(this.field.getName(), this.source, this.type, this.primaryKey, this.virtual,
                    this.autogenerate, this.readAfterWrites, this.loadInQuery, this.redact, this.writable, defaultValue,
                    accessor);
        }
    }

    static String names(List<String> names) {
        return names.stream().map(name -> ":" + name).collect(Collectors.joining(", ", "[", "]"));
    }
}
