package io.schemaspring.metadata;

import io.schemaspring.type.Type;
import java.lang.invoke.MethodHandle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's {@code __schema__} reflection for one schema class. Lists keep declaration order with
 * primary key fields first; names are Java field names; unknown names give {@code null}.
 */
public final class SchemaMetadata {

    private final Class<?> schemaClass;
    private final @Nullable String source;
    private final @Nullable String prefix;
    private final @Nullable String context;
    private final boolean embedded;
    private final List<String> primaryKey;
    private final Map<String, FieldMetadata> fields;
    private final List<String> queryFields;
    private final Map<String, FieldMetadata> virtualFields;
    private final Map<String, EmbedMetadata> embeds;
    private final List<String> readAfterWrites;
    private final @Nullable AutogenerateId autogenerateId;
    private final List<String> autogenerateFields;
    private final List<String> autoupdateFields;
    private final List<String> redactFields;
    private final MethodHandle constructor;
    private final @Nullable StructAccess access;
    private Map<String, AssociationMetadata> associations = Map.of();
    private @Nullable FieldAccessor metaAccessor;
    private @Nullable String versionField;
    private @Nullable SchemaRegistry registry;
    private Map<String, SchemaMetadata> defaultStructs = Map.of();
    private @Nullable RecordShape record;

    SchemaMetadata(Class<?> schemaClass, @Nullable String source, @Nullable String prefix, @Nullable String context,
            boolean embedded, List<FieldMetadata> fields, List<FieldMetadata> virtualFields, List<EmbedMetadata> embeds,
            @Nullable AutogenerateId autogenerateId, List<String> autogenerateFields, List<String> autoupdateFields,
            MethodHandle constructor, @Nullable StructAccess access) {
        this.schemaClass = schemaClass;
        this.source = source;
        this.prefix = prefix;
        this.context = context;
        this.embedded = embedded;
        this.fields = byName(fields);
        this.virtualFields = byName(virtualFields);
        this.embeds = Collections.unmodifiableMap(embeds.stream().collect(LinkedHashMap<String, EmbedMetadata>::new,
                (map, embed) -> map.put(embed.field(), embed), Map::putAll));
        this.primaryKey = fields.stream().filter(FieldMetadata::primaryKey).map(FieldMetadata::name).toList();
        this.queryFields = fields.stream().filter(FieldMetadata::loadInQuery).map(FieldMetadata::name).toList();
        this.readAfterWrites = fields.stream().filter(FieldMetadata::readAfterWrites).map(FieldMetadata::name).toList();
        this.redactFields = java.util.stream.Stream.concat(fields.stream(), virtualFields.stream())
                .filter(FieldMetadata::redact).map(FieldMetadata::name).toList();
        this.autogenerateId = autogenerateId;
        this.autogenerateFields = List.copyOf(autogenerateFields);
        this.autoupdateFields = List.copyOf(autoupdateFields);
        this.constructor = constructor;
        this.access = access;
    }

    private static Map<String, FieldMetadata> byName(List<FieldMetadata> fields) {
        Map<String, FieldMetadata> map = new LinkedHashMap<>();
        fields.forEach(field -> map.put(field.name(), field));
        return Collections.unmodifiableMap(map);
    }

    void associations(List<AssociationMetadata> associations) {
        Map<String, AssociationMetadata> map = new LinkedHashMap<>();
        associations.forEach(association -> map.put(association.field(), association));
        this.associations = Collections.unmodifiableMap(map);
    }

    void registry(SchemaRegistry registry) {
        this.registry = registry;
    }

    void record(RecordShape shape) {
        this.record = shape;
    }

    /** Whether the schema is a record: built through its canonical constructor, never changed in place. */
    public boolean record() {
        return this.record != null;
    }

    /**
     * A {@link RecordDraft} of a record schema holding the record's components (the draft itself
     * when given one), or, when {@code struct} is null, a draft of nulls and zeros (and new empty
     * structs for {@code @EmbedsOne(defaultsToStruct = true)}); the repository sets values
     * into the draft and {@link #build(Object)} makes the new record.
     */
    public RecordDraft draft(@Nullable Object struct) {
        RecordShape shape = requireRecord();
        if (struct instanceof RecordDraft draft) {
            return draft;
        }
        if (struct != null) {
            return new RecordDraft(this, shape.values(struct));
        }
        RecordDraft draft = new RecordDraft(this, shape.defaults());
        this.defaultStructs.forEach((name, embedded) -> this.embeds.get(name).accessor().set(draft, embedded.newInstance()));
        return draft;
    }

    /** The record a {@link RecordDraft} describes, through the canonical constructor; any other struct as it is. */
    public Object build(Object struct) {
        if (struct instanceof RecordDraft draft) {
            return requireRecord().construct(draft.values);
        }
        return struct;
    }

    /** A new record with one component (field, virtual field or association) replaced. */
    public Object with(Object record, String name, @Nullable Object value) {
        RecordDraft draft = new RecordDraft(this, requireRecord().values(record));
        FieldMetadata field = field(name);
        (field != null ? field.accessor() : this.associations.get(name).accessor()).set(draft, value);
        return build(draft);
    }

    /**
     * A struct the repository may set values into: a {@link RecordDraft} for a record schema, the
     * struct itself for a class. {@link #build(Object)} turns it back into the struct to answer.
     */
    public Object mutable(Object struct) {
        return this.record != null ? draft(struct) : struct;
    }

    private RecordShape requireRecord() {
        if (this.record == null) {
            throw new IllegalStateException(this.schemaClass.getName() + " is not a record");
        }
        return this.record;
    }

    /** The registry this schema was built in: where its associations and embeds resolve. */
    public SchemaRegistry registry() {
        if (this.registry == null) {
            throw new IllegalStateException(this.schemaClass.getName() + " is not part of a built registry yet");
        }
        return this.registry;
    }

    void versionField(@Nullable String field) {
        this.versionField = field;
    }

    /**
     * The field Spring Data's {@code @Version} marks, {@code null} when none: every update and
     * delete of a struct requires it to still hold the value that was read, and increments it.
     */
    public @Nullable String versionField() {
        return this.versionField;
    }

    void metaAccessor(FieldAccessor accessor) {
        this.metaAccessor = accessor;
    }

    /** Whether the class declares a {@link StructMeta} field. */
    public boolean hasMeta() {
        return this.metaAccessor != null;
    }

    /** Ecto's {@code Ecto.get_meta}: the struct's {@link StructMeta}, {@code null} when none was set or the class has no such field. */
    public @Nullable StructMeta getMeta(Object struct) {
        return this.metaAccessor == null ? null : (StructMeta) this.metaAccessor.get(struct);
    }

    /** Ecto's {@code Ecto.put_meta}; does nothing for a class without a {@link StructMeta} field. */
    public void putMeta(Object struct, StructMeta meta) {
        if (this.metaAccessor != null) {
            this.metaAccessor.set(struct, meta);
        }
    }

    /** Links each {@code @EmbedsOne(defaultsToStruct = true)} to its embedded schema, once every schema is introspected. */
    void defaultStructs(Map<String, SchemaMetadata> embedded) {
        this.defaultStructs = Map.copyOf(embedded);
    }

    /** The schema class. */
    public Class<?> schemaClass() {
        return this.schemaClass;
    }

    /** The table; {@code null} for embedded schemas. */
    public @Nullable String source() {
        return this.source;
    }

    /** The default database schema of the table, Ecto's {@code @schema_prefix}; {@code null} when none. */
    public @Nullable String prefix() {
        return this.prefix;
    }

    /** Ecto's {@code @schema_context}. */
    public @Nullable String context() {
        return this.context;
    }

    /** Whether this is an embedded schema (no table). */
    public boolean embedded() {
        return this.embedded;
    }

    /** The primary key fields; empty when the schema has none. */
    public List<String> primaryKey() {
        return this.primaryKey;
    }

    /** Every persisted field, embeds and foreign keys included (associations and virtual fields are not). */
    public List<String> fields() {
        return List.copyOf(this.fields.keySet());
    }

    /** The fields a query selects: {@link #fields()} without {@code loadInQuery = false}. */
    public List<String> queryFields() {
        return this.queryFields;
    }

    public List<String> virtualFields() {
        return List.copyOf(this.virtualFields.keySet());
    }

    /** The column of a persisted field; {@code null} for virtual or unknown fields. */
    public @Nullable String fieldSource(String field) {
        FieldMetadata metadata = this.fields.get(field);
        return metadata == null ? null : metadata.source();
    }

    /** The type of a persisted field; {@code null} for virtual or unknown fields. */
    public @Nullable Type type(String field) {
        FieldMetadata metadata = this.fields.get(field);
        return metadata == null ? null : metadata.type();
    }

    /** The type of a virtual field; {@code null} for persisted or unknown fields. */
    public @Nullable Type virtualType(String field) {
        FieldMetadata metadata = this.virtualFields.get(field);
        return metadata == null ? null : metadata.type();
    }

    /** The full metadata of a persisted or virtual field; {@code null} when unknown. */
    public @Nullable FieldMetadata field(String field) {
        FieldMetadata metadata = this.fields.get(field);
        return metadata != null ? metadata : this.virtualFields.get(field);
    }

    public List<String> associations() {
        return List.copyOf(this.associations.keySet());
    }

    public @Nullable AssociationMetadata association(String name) {
        return this.associations.get(name);
    }

    public List<String> embeds() {
        return List.copyOf(this.embeds.keySet());
    }

    public @Nullable EmbedMetadata embed(String name) {
        return this.embeds.get(name);
    }

    /** Fields read back from the database after insert and update. */
    public List<String> readAfterWrites() {
        return this.readAfterWrites;
    }

    /** The autogenerated primary key with its column and type; {@code null} when none. */
    public @Nullable AutogenerateId autogenerateId() {
        return this.autogenerateId;
    }

    /** Fields generated before insert: autogenerated custom-type fields, then the timestamps. */
    public List<String> autogenerateFields() {
        return this.autogenerateFields;
    }

    /** Fields generated again on every update (the updated-at timestamp), Ecto's {@code :autoupdate}. */
    public List<String> autoupdateFields() {
        return this.autoupdateFields;
    }

    /** Fields whose values never appear in JSON, error responses, exception messages or logs. */
    public List<String> redactFields() {
        return this.redactFields;
    }

    /**
     * A new instance with every field at its default, through the no-argument constructor; an
     * {@code @EmbedsOne(defaultsToStruct = true)} left null by the constructor holds a new empty
     * embedded struct, as Ecto's struct default does.
     */
    public Object newInstance() {
        if (this.record != null) {
            return build(draft(null));
        }
        Object struct = instantiate();
        this.defaultStructs.forEach((name, embedded) -> {
            FieldAccessor accessor = this.embeds.get(name).accessor();
            if (accessor.get(struct) == null) {
                accessor.set(struct, embedded.newInstance());
            }
        });
        return struct;
    }

    /**
     * A new instance ({@link #newInstance()}) with the given fields, virtual fields, embeds or
     * associations set, in order; values are set as given, not cast.
     *
     * @throws IllegalArgumentException for a name the schema does not have or a value of the wrong Java type
     */
    public Object newInstance(Map<String, ?> values) {
        Object struct = newInstance();
        if (values.isEmpty()) {
            return struct;
        }
        Object mutable = mutable(struct);
        values.forEach((name, value) -> accessor(name).set(mutable, value));
        return build(mutable);
    }

    private FieldAccessor accessor(String name) {
        FieldMetadata field = field(name);
        if (field != null) {
            return field.accessor();
        }
        AssociationMetadata association = this.associations.get(name);
        if (association != null) {
            return association.accessor();
        }
        EmbedMetadata embed = this.embeds.get(name);
        if (embed != null) {
            return embed.accessor();
        }
        throw new IllegalArgumentException("Schema " + this.schemaClass.getSimpleName() + " does not have the field :"
                + name + "; its fields are " + SchemaIntrospector.names(fields()));
    }

    /** Ecto's {@code build_assoc(parent, name)}: see {@link #buildAssoc(Object, String, Map)}. */
    public Object buildAssoc(Object parent, String name) {
        return buildAssoc(parent, name, Map.of());
    }

    /**
     * Ecto's {@code build_assoc(parent, name, attributes)}: a new struct of the association's
     * schema holding the association's {@code defaults}, then the given attributes (set as given,
     * not cast), then, for {@code @HasOne} and {@code @HasMany}, the foreign key taken from the
     * parent. {@code @BelongsTo} and {@code @ManyToMany} set no key, as in Ecto; the parent is
     * not changed and nothing is written to the database.
     *
     * @throws IllegalArgumentException for an unknown or {@code through} association, a parent of
     *         another schema, or an attribute the associated schema does not have
     */
    public Object buildAssoc(Object parent, String name, Map<String, ?> attributes) {
        java.util.Objects.requireNonNull(parent, "parent must not be null");
        java.util.Objects.requireNonNull(attributes, "attributes must not be null");
        Class<?> parentClass = parent instanceof RecordDraft draft ? draft.metadata().schemaClass() : parent.getClass();
        if (parentClass != this.schemaClass) {
            throw new IllegalArgumentException("buildAssoc on " + this.schemaClass.getSimpleName() + " was given a "
                    + parentClass.getSimpleName() + " parent");
        }
        AssociationMetadata association = this.associations.get(name);
        if (association == null) {
            throw new IllegalArgumentException("Schema " + this.schemaClass.getSimpleName()
                    + " does not have the association :" + name + "; its associations are "
                    + SchemaIntrospector.names(associations()));
        }
        if (association.kind() == AssociationKind.THROUGH) {
            throw new IllegalArgumentException("Cannot build the through association :" + name + " of "
                    + this.schemaClass.getSimpleName() + "; build the associations of its path "
                    + SchemaIntrospector.names(association.through()) + " one by one");
        }
        SchemaMetadata related = registry().get(association.related());
        Map<String, Object> values = new LinkedHashMap<>(association.defaults());
        values.putAll(attributes);
        if (association.kind() == AssociationKind.HAS) {
            values.put(association.relatedKey(), field(association.ownerKey()).accessor().get(parent));
        }
        return related.newInstance(values);
    }

    /** A new empty embedded struct for an {@code @EmbedsOne(defaultsToStruct = true)}; {@code null} for other fields. */
    public @Nullable Object defaultStruct(String embed) {
        SchemaMetadata embedded = this.defaultStructs.get(embed);
        return embedded == null ? null : embedded.newInstance();
    }

    private Object instantiate() {
        if (this.access != null) {
            return this.access.newInstance();
        }
        try {
            return (Object) this.constructor.invokeExact();
        }
        catch (RuntimeException | Error ex) {
            throw ex;
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Cannot instantiate " + this.schemaClass.getName(), ex);
        }
    }

    /** A new instance holding the same field, embed and association values and the same {@link StructMeta} (a shallow copy). */
    public Object copy(Object struct) {
        if (this.record != null) {
            return build(draft(struct));
        }
        Object copy = newInstance();
        if (this.metaAccessor != null) {
            copyValue(this.metaAccessor, struct, copy);
        }
        for (FieldMetadata field : this.fields.values()) {
            copyValue(field.accessor(), struct, copy);
        }
        for (FieldMetadata field : this.virtualFields.values()) {
            copyValue(field.accessor(), struct, copy);
        }
        for (AssociationMetadata association : this.associations.values()) {
            copyValue(association.accessor(), struct, copy);
        }
        return copy;
    }

    private static void copyValue(FieldAccessor accessor, Object from, Object to) {
        Object value = accessor.get(from);
        if (value != null || !accessor.primitive()) {
            accessor.set(to, value);
        }
    }

    @Override
    public String toString() {
        return "SchemaMetadata[" + this.schemaClass.getName() + (this.embedded ? " (embedded)" : " \"" + this.source + "\"")
                + "]";
    }
}
