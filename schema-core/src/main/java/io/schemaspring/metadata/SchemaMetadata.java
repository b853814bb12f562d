package io.schemaspring.metadata;

import io.schemaspring.annotation.Writable;
import io.schemaspring.type.Type;
import java.lang.invoke.MethodHandle;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's {@code __schema__} reflection for one schema class. Lists keep declaration order
 * with primary key fields first; names are Java field names; unknown names give
 * {@code null}.
 */
public final class SchemaMetadata {

    private final Class<?> schemaClass;

    private final @Nullable String source;

    private final @Nullable String prefix;

    private final @Nullable String context;

    private final boolean embedded;

    private final List<String> primaryKey;

    private final Map<String, FieldMetadata> fields;

    private final List<String> fieldNames;

    private final List<String> queryFields;

    private final Map<String, FieldMetadata> virtualFields;

    private final List<String> virtualFieldNames;

    private final Map<String, EmbedMetadata> embeds;

    private final List<String> embedNames;

    private final List<String> readAfterWrites;

    private final @Nullable AutogenerateId autogenerateId;

    private final List<String> autogenerateFields;

    private final List<String> autoupdateFields;

    private final List<String> redactFields;

    private final Structs structs;

    private Map<String, AssociationMetadata> associations = Map.of();

    private List<String> associationNames = List.of();

    private @Nullable FieldAccessor metaAccessor;

    private @Nullable String versionField;

    private @Nullable SchemaRegistry registry;

    private Map<String, io.schemaspring.type.FieldGenerator<?>> generators = Map.of();

    private io.schemaspring.type.@Nullable FieldGenerator<?> timestampsGenerator;

    /**
     * The columns met so far of a table read without a schema; {@code null} for a schema.
     */
    private final java.util.concurrent.@Nullable ConcurrentMap<String, FieldMetadata> schemalessFields;

    /** How many columns of a table without a schema are kept once met. */
    private static final int MAX_SCHEMALESS_COLUMNS = 256;

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
        this.embeds = Collections.unmodifiableMap(embeds.stream()
            .collect(LinkedHashMap<String, EmbedMetadata>::new, (map, embed) -> map.put(embed.field(), embed),
                    Map::putAll));
        this.fieldNames = List.copyOf(this.fields.keySet());
        this.virtualFieldNames = List.copyOf(this.virtualFields.keySet());
        this.embedNames = List.copyOf(this.embeds.keySet());
        this.primaryKey = fields.stream().filter(FieldMetadata::primaryKey).map(FieldMetadata::name).toList();
        this.queryFields = fields.stream().filter(FieldMetadata::loadInQuery).map(FieldMetadata::name).toList();
        this.readAfterWrites = fields.stream().filter(FieldMetadata::readAfterWrites).map(FieldMetadata::name).toList();
        this.redactFields = java.util.stream.Stream.concat(fields.stream(), virtualFields.stream())
            .filter(FieldMetadata::redact)
            .map(FieldMetadata::name)
            .toList();
        this.autogenerateId = autogenerateId;
        this.autogenerateFields = List.copyOf(autogenerateFields);
        this.autoupdateFields = List.copyOf(autoupdateFields);
        this.structs = new Structs(this, constructor, access);
        this.schemalessFields = schemaClass == Map.class ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    }

    /**
     * A table read and written without a schema, Ecto's {@code from(p in "posts")}: every
     * valid identifier names a column of its own name, of type {@code :any} (its values
     * bound and read as they are), and its rows are maps. It declares no fields, so it
     * has no primary key and nothing to read as a whole struct.
     */
    public static SchemaMetadata schemaless(String table) {
        return schemaless(table, List.of());
    }

    /**
     * A table without a schema whose rows are read as maps of these columns, in this
     * order (Ecto's {@code select("posts", [:id, :title])}).
     */
    public static SchemaMetadata schemaless(String table, List<String> columns) {
        SqlIdentifiers.require(table, "Table");
        List<FieldMetadata> fields = columns.stream()
            .map(column -> schemalessColumn(SqlIdentifiers.require(column, "Column")))
            .toList();
        try {
            MethodHandle constructor = java.lang.invoke.MethodHandles.publicLookup()
                .findConstructor(LinkedHashMap.class, java.lang.invoke.MethodType.methodType(void.class))
                .asType(java.lang.invoke.MethodType.methodType(Object.class));
            return new SchemaMetadata(Map.class, table, null, null, false, fields, List.of(), List.of(), null,
                    List.of(), List.of(), constructor, null);
        }
        catch (NoSuchMethodException | IllegalAccessException ex) {
            throw new IllegalStateException("Cannot construct java.util.LinkedHashMap", ex);
        }
    }

    /** Whether this is a table without a schema ({@link #schemaless(String)}). */
    public boolean schemaless() {
        return this.schemalessFields != null;
    }

    private @Nullable FieldMetadata column(String name) {
        FieldMetadata declared = this.fields.get(name);
        if (declared != null || this.schemalessFields == null || !SqlIdentifiers.isValid(name)) {
            return declared;
        }
        FieldMetadata known = this.schemalessFields.get(name);
        if (known != null) {
            return known;
        }
        // Names can come from requests (a sort, a filter): past a bound they are not
        // kept.
        FieldMetadata column = schemalessColumn(name);
        return this.schemalessFields.size() < MAX_SCHEMALESS_COLUMNS
                ? java.util.Objects.requireNonNullElse(this.schemalessFields.putIfAbsent(name, column), column)
                : column;
    }

    private static FieldMetadata schemalessColumn(String column) {
        return new FieldMetadata(column, column,
                new io.schemaspring.type.PrimitiveType(io.schemaspring.type.FieldType.ANY, Object.class), false, false,
                false, false, true, false, Writable.ALWAYS, null, FieldAccessor.ofMapKey(column));
    }

    private static Map<String, FieldMetadata> byName(List<FieldMetadata> fields) {
        Map<String, FieldMetadata> map = new LinkedHashMap<>();
        fields.forEach(field -> map.put(field.name(), field));
        return Collections.unmodifiableMap(map);
    }

    /**
     * The setters below link what the registry learns after introspection (associations
     * resolve across schemas); once the registry is set the metadata is immutable.
     */
    private void requireBuilding() {
        if (this.registry != null) {
            throw new IllegalStateException(
                    "The metadata of " + this.schemaClass.getName() + " is immutable once its registry is built");
        }
    }

    void associations(List<AssociationMetadata> associations) {
        requireBuilding();
        Map<String, AssociationMetadata> map = new LinkedHashMap<>();
        associations.forEach(association -> map.put(association.field(), association));
        this.associations = Collections.unmodifiableMap(map);
        this.associationNames = List.copyOf(map.keySet());
    }

    void generators(Map<String, io.schemaspring.type.FieldGenerator<?>> generators,
            io.schemaspring.type.@Nullable FieldGenerator<?> timestampsGenerator) {
        requireBuilding();
        this.generators = Collections.unmodifiableMap(new LinkedHashMap<>(generators));
        this.timestampsGenerator = timestampsGenerator;
    }

    /**
     * The generator of a field declared with {@code @Field(generator = ...)}, Ecto's
     * {@code autogenerate: {m, f, a}}; {@code null} for other fields (generated by their
     * type).
     */
    public io.schemaspring.type.@Nullable FieldGenerator<?> generator(String field) {
        return this.generators.get(field);
    }

    /** The generators of {@code @Field(generator = ...)} fields, by field. */
    Map<String, io.schemaspring.type.FieldGenerator<?>> generators() {
        return this.generators;
    }

    /**
     * The schema's clock, {@code @Timestamps(generator = ...)}: a generator of
     * {@link java.time.Instant}s filling the timestamps; {@code null} when the
     * repository's clock is used.
     */
    public io.schemaspring.type.@Nullable FieldGenerator<?> timestampsGenerator() {
        return this.timestampsGenerator;
    }

    void registry(SchemaRegistry registry) {
        requireBuilding();
        this.registry = registry;
    }

    void record(RecordShape shape) {
        requireBuilding();
        this.structs.record(shape);
    }

    /**
     * Whether the schema is a record: built through its canonical constructor, never
     * changed in place.
     */
    public boolean record() {
        return this.structs.recordShape() != null;
    }

    /**
     * Ecto's struct functions for this schema: new, loaded and copied structs,
     * {@code build_assoc}, record drafts.
     */
    public Structs structs() {
        return this.structs;
    }

    /**
     * The registry this schema was built in: where its associations and embeds resolve.
     */
    public SchemaRegistry registry() {
        if (this.registry == null) {
            throw new IllegalStateException(this.schemaClass.getName() + " is not part of a built registry yet");
        }
        return this.registry;
    }

    void versionField(@Nullable String field) {
        requireBuilding();
        this.versionField = field;
    }

    /**
     * The field Spring Data's {@code @Version} marks, {@code null} when none: every
     * update and delete of a struct requires it to still hold the value that was read,
     * and increments it.
     */
    public @Nullable String versionField() {
        return this.versionField;
    }

    void metaAccessor(FieldAccessor accessor) {
        requireBuilding();
        this.metaAccessor = accessor;
    }

    @Nullable FieldAccessor metaAccessor() {
        return this.metaAccessor;
    }

    /** Whether the class declares a {@link StructMeta} field. */
    public boolean hasMeta() {
        return this.metaAccessor != null;
    }

    /**
     * Ecto's {@code Ecto.get_meta}: the struct's {@link StructMeta}, {@code null} when
     * none was set or the class has no such field.
     */
    public @Nullable StructMeta getMeta(Object struct) {
        return this.metaAccessor == null ? null : (StructMeta) this.metaAccessor.get(struct);
    }

    /**
     * Ecto's {@code Ecto.put_meta}; does nothing for a class without a {@link StructMeta}
     * field.
     */
    public void putMeta(Object struct, StructMeta meta) {
        if (this.metaAccessor != null) {
            this.metaAccessor.set(struct, meta);
        }
    }

    /**
     * Links each {@code @EmbedsOne(defaultsToStruct = true)} to its embedded schema, once
     * every schema is introspected.
     */
    void defaultStructs(Map<String, SchemaMetadata> embedded) {
        requireBuilding();
        this.structs.defaultStructs(embedded);
    }

    /** The schema class. */
    public Class<?> schemaClass() {
        return this.schemaClass;
    }

    /** The table; {@code null} for embedded schemas. */
    public @Nullable String source() {
        return this.source;
    }

    /**
     * The default database schema of the table, Ecto's {@code @schema_prefix};
     * {@code null} when none.
     */
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

    /**
     * Every persisted field, embeds and foreign keys included (associations and virtual
     * fields are not).
     */
    public List<String> fields() {
        return this.fieldNames;
    }

    /**
     * The fields a query selects: {@link #fields()} without {@code loadInQuery = false}.
     */
    public List<String> queryFields() {
        return this.queryFields;
    }

    /**
     * How every error that meets a name the schema lacks lists what it could have meant:
     * {@code "its fields are [id, title]"}.
     */
    public String describeFields() {
        if (this.schemalessFields != null) {
            return "a table without a schema names its columns by valid identifiers";
        }
        return "its fields are " + this.fieldNames;
    }

    /**
     * Ecto's {@code __schema__(:virtual_fields)}: the virtual fields, in declaration
     * order.
     */
    public List<String> virtualFields() {
        return this.virtualFieldNames;
    }

    /** The column of a persisted field; {@code null} for virtual or unknown fields. */
    public @Nullable String fieldSource(String field) {
        FieldMetadata metadata = this.schemalessFields != null ? column(field) : this.fields.get(field);
        return metadata == null ? null : metadata.source();
    }

    /** The type of a persisted field; {@code null} for virtual or unknown fields. */
    public @Nullable Type type(String field) {
        FieldMetadata metadata = this.schemalessFields != null ? column(field) : this.fields.get(field);
        return metadata == null ? null : metadata.type();
    }

    /** The type of a virtual field; {@code null} for persisted or unknown fields. */
    public @Nullable Type virtualType(String field) {
        FieldMetadata metadata = this.virtualFields.get(field);
        return metadata == null ? null : metadata.type();
    }

    /** The full metadata of a persisted or virtual field; {@code null} when unknown. */
    public @Nullable FieldMetadata field(String field) {
        FieldMetadata metadata = this.schemalessFields != null ? column(field) : this.fields.get(field);
        return metadata != null ? metadata : this.virtualFields.get(field);
    }

    /**
     * Ecto's {@code __schema__(:associations)}: the association names, in declaration
     * order.
     */
    public List<String> associations() {
        return this.associationNames;
    }

    /**
     * Ecto's {@code __schema__(:association, name)}; {@code null} for a name that is no
     * association.
     */
    public @Nullable AssociationMetadata association(String name) {
        return this.associations.get(name);
    }

    /** Ecto's {@code __schema__(:embeds)}: the embedded fields, in declaration order. */
    public List<String> embeds() {
        return this.embedNames;
    }

    /**
     * Ecto's {@code __schema__(:embed, name)}; {@code null} for a name that is no embed.
     */
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

    /**
     * Fields generated before insert: autogenerated custom-type fields, then the
     * timestamps.
     */
    public List<String> autogenerateFields() {
        return this.autogenerateFields;
    }

    /**
     * Fields generated again on every update (the updated-at timestamp), Ecto's
     * {@code :autoupdate}.
     */
    public List<String> autoupdateFields() {
        return this.autoupdateFields;
    }

    /**
     * Fields whose values never appear in JSON, error responses, exception messages or
     * logs.
     */
    public List<String> redactFields() {
        return this.redactFields;
    }

    /**
     * Ecto's {@code __schema__(:hash)}: a hash of the schema definition, for caches keyed
     * on it. It is computed from the ordered definition, never from object identity: the
     * source, prefix and kind, every persisted and virtual field with its column, type
     * and options, the primary key, the associations and the embeds. Two registries built
     * from the same classes answer the same value, stable across JVMs (a SHA-256 of the
     * definition's text); changing a field, its type or its column changes it. As in Ecto
     * the class name is not part of it: two classes defined alike hash alike. (Ecto
     * hashes the primary key and query fields only; this covers the whole definition,
     * generators included.)
     */
    public int hash() {
        return SchemaHash.of(this);
    }

    /**
     * Ecto's {@code __schema__(:dump)}: every persisted field (declaration order, primary
     * key first) to the column it is written to and its type, used when dumping a struct
     * into a row.
     */
    public Map<String, FieldSource> dump() {
        Map<String, FieldSource> dump = new LinkedHashMap<>();
        this.fields.values().forEach(field -> dump.put(field.name(), new FieldSource(field.source(), field.type())));
        return Collections.unmodifiableMap(dump);
    }

    /**
     * Ecto's {@code __schema__(:load)}: the fields a whole-struct query selects, in
     * column order, to the column they are read from and the type they load with. Ecto
     * answers a keyword list of {@code {field, type}} or {@code {field, {:source, column,
     * type}}} when the column differs; here every field has a column, so each entry
     * carries it. Unlike Ecto, fields with {@code loadInQuery = false} are left out,
     * since the repository never reads them.
     */
    public Map<String, FieldSource> load() {
        Map<String, FieldSource> load = new LinkedHashMap<>();
        this.queryFields.forEach(name -> {
            FieldMetadata field = this.fields.get(name);
            load.put(name, new FieldSource(field.source(), field.type()));
        });
        return Collections.unmodifiableMap(load);
    }

    @Override
    public String toString() {
        if (this.schemalessFields != null) {
            return "SchemaMetadata[table \"" + this.source + "\" without a schema]";
        }
        return "SchemaMetadata[" + this.schemaClass.getName()
                + (this.embedded ? " (embedded)" : " \"" + this.source + "\"") + "]";
    }

}
