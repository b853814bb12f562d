package io.schemaspring.metadata;

import java.lang.invoke.MethodHandle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's struct functions for one schema, apart from its reflection
 * ({@link SchemaMetadata}): new structs ({@code %Post{}}, {@code __schema__(:loaded)}),
 * {@code build_assoc}, shallow copies, and the drafts through which records, which never
 * change in place, are built. Obtained from {@link SchemaMetadata#structs()}.
 */
public final class Structs {

    private final SchemaMetadata schema;

    private final MethodHandle constructor;

    private final @Nullable StructAccess access;

    private @Nullable RecordShape record;

    private Map<String, SchemaMetadata> defaultStructs = Map.of();

    Structs(SchemaMetadata schema, MethodHandle constructor, @Nullable StructAccess access) {
        this.schema = schema;
        this.constructor = constructor;
        this.access = access;
    }

    void record(RecordShape shape) {
        this.record = shape;
    }

    @Nullable RecordShape recordShape() {
        return this.record;
    }

    void defaultStructs(Map<String, SchemaMetadata> embedded) {
        this.defaultStructs = Map.copyOf(embedded);
    }

    /**
     * A {@link RecordDraft} of a record schema holding the record's components (the draft
     * itself when given one), or, when {@code struct} is null, a draft of nulls and zeros
     * (and new empty structs for {@code @EmbedsOne(defaultsToStruct = true)}); the
     * repository sets values into the draft and {@link #build(Object)} makes the new
     * record.
     */
    public RecordDraft draft(@Nullable Object struct) {
        RecordShape shape = requireRecord();
        if (struct instanceof RecordDraft draft) {
            return draft;
        }
        if (struct != null) {
            return new RecordDraft(this.schema, shape.values(struct));
        }
        RecordDraft draft = new RecordDraft(this.schema, shape.defaults());
        this.defaultStructs.forEach(
                (name, embedded) -> this.schema.embed(name).accessor().set(draft, embedded.structs().newInstance()));
        return draft;
    }

    /**
     * The record a {@link RecordDraft} describes, through the canonical constructor; any
     * other struct as it is.
     */
    public Object build(Object struct) {
        if (struct instanceof RecordDraft draft) {
            return requireRecord().construct(draft.values);
        }
        return struct;
    }

    /** A new record with one component (field, virtual field or association) replaced. */
    public Object with(Object record, String name, @Nullable Object value) {
        RecordDraft draft = new RecordDraft(this.schema, requireRecord().values(record));
        FieldMetadata field = this.schema.field(name);
        (field != null ? field.accessor() : this.schema.association(name).accessor()).set(draft, value);
        return build(draft);
    }

    /**
     * A struct the repository may set values into: a {@link RecordDraft} for a record
     * schema, the struct itself for a class. {@link #build(Object)} turns it back into
     * the struct to answer.
     */
    public Object mutable(Object struct) {
        return this.record != null ? draft(struct) : struct;
    }

    private RecordShape requireRecord() {
        if (this.record == null) {
            throw new IllegalStateException(this.schema.schemaClass().getName() + " is not a record");
        }
        return this.record;
    }

    /**
     * Ecto's {@code __schema__(:loaded)}: a new struct in the loaded state, as the
     * repository answers rows: {@link #newInstance()} with a {@link StructMeta} in state
     * {@link StructMeta.State#LOADED} carrying the schema's prefix and source when the
     * class declares a {@code StructMeta} field (a plain new instance otherwise: records
     * never declare one).
     */
    public Object loaded() {
        Object struct = newInstance();
        this.schema.putMeta(struct, StructMeta.loaded(this.schema.prefix(), this.schema.source()));
        return struct;
    }

    /**
     * A new instance with every field at its default, through the no-argument
     * constructor; an {@code @EmbedsOne(defaultsToStruct = true)} left null by the
     * constructor holds a new empty embedded struct, as Ecto's struct default does.
     */
    public Object newInstance() {
        if (this.record != null) {
            return build(draft(null));
        }
        Object struct = instantiate();
        if (this.defaultStructs.isEmpty()) {
            return struct;
        }
        this.defaultStructs.forEach((name, embedded) -> {
            FieldAccessor accessor = this.schema.embed(name).accessor();
            if (accessor.get(struct) == null) {
                accessor.set(struct, embedded.structs().newInstance());
            }
        });
        return struct;
    }

    /**
     * A new instance ({@link #newInstance()}) with the given fields, virtual fields,
     * embeds or associations set, in order; values are set as given, not cast.
     * @throws IllegalArgumentException for a name the schema does not have or a value of
     * the wrong Java type
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
        FieldMetadata field = this.schema.field(name);
        if (field != null) {
            return field.accessor();
        }
        AssociationMetadata association = this.schema.association(name);
        if (association != null) {
            return association.accessor();
        }
        EmbedMetadata embed = this.schema.embed(name);
        if (embed != null) {
            return embed.accessor();
        }
        throw new IllegalArgumentException("Schema " + this.schema.schemaClass().getSimpleName()
                + " does not have the field :" + name + "; " + this.schema.describeFields());
    }

    /**
     * Ecto's {@code build_assoc(parent, name)}: see
     * {@link #buildAssoc(Object, String, Map)}.
     */
    public Object buildAssoc(Object parent, String name) {
        return buildAssoc(parent, name, Map.of());
    }

    /**
     * Ecto's {@code build_assoc(parent, name, attributes)}: a new struct of the
     * association's schema holding the association's {@code defaults}, then the given
     * attributes (set as given, not cast), then, for {@code @HasOne} and
     * {@code @HasMany}, the foreign key taken from the parent. {@code @BelongsTo} and
     * {@code @ManyToMany} set no key, as in Ecto; the parent is not changed and nothing
     * is written to the database.
     * @throws IllegalArgumentException for an unknown or {@code through} association, a
     * parent of another schema, or an attribute the associated schema does not have
     */
    public Object buildAssoc(Object parent, String name, Map<String, ?> attributes) {
        Objects.requireNonNull(parent, "parent must not be null");
        Objects.requireNonNull(attributes, "attributes must not be null");
        Class<?> parentClass = parent instanceof RecordDraft draft ? draft.metadata().schemaClass() : parent.getClass();
        if (parentClass != this.schema.schemaClass()) {
            throw new IllegalArgumentException("buildAssoc on " + this.schema.schemaClass().getSimpleName()
                    + " was given a " + parentClass.getSimpleName() + " parent");
        }
        AssociationMetadata association = this.schema.association(name);
        if (association == null) {
            throw new IllegalArgumentException(
                    "Schema " + this.schema.schemaClass().getSimpleName() + " does not have the association :" + name
                            + "; its associations are " + SchemaIntrospector.names(this.schema.associations()));
        }
        if (association.kind() == AssociationKind.THROUGH) {
            throw new IllegalArgumentException("Cannot build the through association :" + name + " of "
                    + this.schema.schemaClass().getSimpleName() + "; build the associations of its path "
                    + SchemaIntrospector.names(association.through()) + " one by one");
        }
        SchemaMetadata related = this.schema.registry().get(association.related());
        Map<String, Object> values = new LinkedHashMap<>(association.defaults());
        values.putAll(attributes);
        if (association.kind() == AssociationKind.HAS) {
            values.put(association.relatedKey(), this.schema.field(association.ownerKey()).accessor().get(parent));
        }
        return related.structs().newInstance(values);
    }

    /**
     * A new empty embedded struct for an {@code @EmbedsOne(defaultsToStruct = true)};
     * {@code null} for other fields.
     */
    public @Nullable Object defaultStruct(String embed) {
        SchemaMetadata embedded = this.defaultStructs.get(embed);
        return embedded == null ? null : embedded.structs().newInstance();
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
            throw new IllegalStateException("Cannot instantiate " + this.schema.schemaClass().getName(), ex);
        }
    }

    /**
     * A new instance holding the same field, embed and association values and the same
     * {@link StructMeta} (a shallow copy).
     */
    public Object copy(Object struct) {
        if (this.record != null) {
            Object copy = build(draft(struct));
            StructCopies.copied(struct, copy);
            return copy;
        }
        Object copy = newInstance();
        FieldAccessor meta = this.schema.metaAccessor();
        if (meta != null) {
            copyValue(meta, struct, copy);
        }
        for (String name : this.schema.fields()) {
            copyValue(this.schema.field(name).accessor(), struct, copy);
        }
        for (String name : this.schema.virtualFields()) {
            copyValue(this.schema.field(name).accessor(), struct, copy);
        }
        for (String name : this.schema.associations()) {
            copyValue(this.schema.association(name).accessor(), struct, copy);
        }
        StructCopies.copied(struct, copy);
        return copy;
    }

    private static void copyValue(FieldAccessor accessor, Object from, Object to) {
        Object value = accessor.get(from);
        if (value != null || !accessor.primitive()) {
            accessor.set(to, value);
        }
    }

}
