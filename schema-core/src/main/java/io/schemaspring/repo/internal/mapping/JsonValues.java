package io.schemaspring.repo.internal.mapping;

import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.type.ArrayType;
import io.schemaspring.type.CastResult;
import io.schemaspring.type.CustomType;
import io.schemaspring.type.EmbedAs;
import io.schemaspring.type.EmbedType;
import io.schemaspring.type.EnumType;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.MapType;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.SchemaType;
import io.schemaspring.type.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts values to and from JSON-friendly trees (maps, lists, strings, numbers,
 * booleans), Ecto's {@code embedded_dump}/{@code embedded_load}: embeds, maps and arrays
 * stored as JSON. Loading ignores unknown keys and leaves missing ones null.
 */
public final class JsonValues {

    private final SchemaRegistry registry;

    private final JsonMapper jsonMapper;

    public JsonValues(SchemaRegistry registry, JsonMapper jsonMapper) {
        this.registry = registry;
        this.jsonMapper = jsonMapper;
    }

    public @Nullable String write(Type type, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        try {
            return this.jsonMapper.writeValueAsString(dump(type, value));
        }
        catch (JacksonException ex) {
            throw new IllegalArgumentException("Cannot write " + type + " as JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    public @Nullable Object read(Type type, @Nullable String json) {
        if (json == null) {
            return null;
        }
        try {
            return load(type, this.jsonMapper.readValue(json, Object.class));
        }
        catch (JacksonException ex) {
            throw new StoredValueException("Cannot read " + type + " from JSON: {value}", ex.getOriginalMessage(), ex);
        }
    }

    /** A JSON-friendly form of a value; generates missing embedded ids. */
    @SuppressWarnings("unchecked")
    public @Nullable Object dump(Type type, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (type instanceof EmbedType embed) {
            if (embed.many()) {
                List<Object> dumped = new ArrayList<>();
                for (Object element : (List<Object>) value) {
                    dumped.add(dumpStruct(this.registry.get(embed.embeddedClass()), element));
                }
                return dumped;
            }
            return dumpStruct(this.registry.get(embed.embeddedClass()), value);
        }
        if (type instanceof ArrayType array) {
            List<Object> dumped = new ArrayList<>();
            for (Object element : (List<Object>) value) {
                dumped.add(dump(array.elementType(), element));
            }
            return dumped;
        }
        if (type instanceof MapType map) {
            if (map.valueType() == null) {
                return value;
            }
            Map<String, Object> dumped = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((key, element) -> dumped.put(key, dump(map.valueType(), element)));
            return dumped;
        }
        if (type instanceof EnumType enumType) {
            return enumType.embedAs() == EmbedAs.DUMPED ? enumType.dump((Enum<?>) value) : ((Enum<?>) value).name();
        }
        if (type instanceof CustomType custom) {
            return dump(custom.storedType(), ((SchemaType<Object>) custom.schemaType()).dump(value));
        }
        FieldType fieldType = ((PrimitiveType) type).fieldType();
        return switch (fieldType) {
            case BINARY_ID, UUID, DATE, TIME, TIME_USEC, NAIVE_DATETIME, NAIVE_DATETIME_USEC, DURATION, BITSTRING ->
                value.toString();
            case UTC_DATETIME, UTC_DATETIME_USEC ->
                (value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value).toString();
            case BINARY -> java.util.Base64.getEncoder().encodeToString((byte[]) value);
            default -> value;
        };
    }

    private Map<String, Object> dumpStruct(SchemaMetadata embedded, Object struct) {
        if (embedded.autogenerateId() != null) {
            FieldMetadata id = embedded.field(embedded.autogenerateId().field());
            if (id.accessor().get(struct) == null) {
                id.accessor().set(struct, UUID.randomUUID());
            }
        }
        Map<String, Object> dumped = new LinkedHashMap<>();
        for (String name : embedded.fields()) {
            FieldMetadata field = embedded.field(name);
            dumped.put(field.source(), dump(field.type(), field.accessor().get(struct)));
        }
        return dumped;
    }

    /** The value of a JSON-friendly tree, cast to the type. */
    public @Nullable Object load(Type type, @Nullable Object tree) {
        if (tree == null) {
            return null;
        }
        if (type instanceof EmbedType embed) {
            SchemaMetadata embedded = this.registry.get(embed.embeddedClass());
            if (embed.many()) {
                List<Object> structs = new ArrayList<>();
                for (Object element : (List<?>) tree) {
                    structs.add(loadStruct(embedded, (Map<?, ?>) element));
                }
                return structs;
            }
            return loadStruct(embedded, (Map<?, ?>) tree);
        }
        if (type instanceof ArrayType array) {
            List<Object> loaded = new ArrayList<>();
            for (Object element : (List<?>) tree) {
                loaded.add(load(array.elementType(), element));
            }
            return loaded;
        }
        if (type instanceof MapType map && map.valueType() != null) {
            Map<String, Object> loaded = new LinkedHashMap<>();
            ((Map<?, ?>) tree).forEach((key, element) -> loaded.put((String) key, load(map.valueType(), element)));
            return loaded;
        }
        if (type instanceof CustomType custom) {
            Object underlying = load(new PrimitiveType(custom.schemaType().type(), Object.class), tree);
            return ((SchemaType<?>) custom.schemaType()).load(underlying);
        }
        if (type instanceof PrimitiveType primitive && primitive.javaType() == Object.class) {
            return tree;
        }
        CastResult<?> cast = type.cast(tree);
        if (!cast.isOk()) {
            throw new StoredValueException("Stored JSON value {value} is not a valid " + type, tree, null);
        }
        return cast.value();
    }

    private Object loadStruct(SchemaMetadata embedded, Map<?, ?> tree) {
        Object struct = embedded.structs().newInstance();
        for (String name : embedded.fields()) {
            FieldMetadata field = embedded.field(name);
            Object loaded = load(field.type(), tree.get(field.source()));
            if (loaded != null || !field.accessor().primitive()) {
                field.accessor().set(struct, loaded);
            }
        }
        return struct;
    }

}
