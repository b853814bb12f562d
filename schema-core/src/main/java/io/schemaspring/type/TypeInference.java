package io.schemaspring.type;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.WildcardType;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/** Infers the schema type of a Java field, Ecto's type table translated to Java types. */
public final class TypeInference {

    private static final String SUPPORTED = "Long, Integer, Short, Double, Float, BigDecimal, Boolean, String, byte[], "
            + "UUID, LocalDate, LocalTime, LocalDateTime, Instant, OffsetDateTime, Duration, a Java enum, "
            + "Object (:any, virtual fields only), List<X> or Map<String, X> of those";

    private TypeInference() {
    }

    /**
     * The type of a field of the given generic Java type.
     * @param javaType the field's generic type
     * @param override the {@code @Field(type = ...)} value, {@link FieldType#DEFAULT} to
     * infer
     * @param key whether the field is a primary or foreign key
     * ({@code Long}/{@code Integer} become {@code :id})
     * @throws InvalidTypeException when no type fits, with the fix
     */
    public static Type resolve(java.lang.reflect.Type javaType, FieldType override, boolean key) {
        return resolve(javaType, override, key, SchemaTypes.none());
    }

    /**
     * The type of a field of the given generic Java type, consulting the application's
     * custom types before the built-in table unless {@code override} chooses a type.
     * @param javaType the field's generic type
     * @param override the {@code @Field(type = ...)} value, {@link FieldType#DEFAULT} to
     * infer
     * @param key whether the field is a primary or foreign key
     * ({@code Long}/{@code Integer} become {@code :id})
     * @param types the custom types registered for the whole application
     * @throws InvalidTypeException when no type fits, with the fix
     */
    public static Type resolve(java.lang.reflect.Type javaType, FieldType override, boolean key, SchemaTypes types) {
        if (javaType instanceof Class<?> raw) {
            return resolveClass(raw, override, key, types);
        }
        if (javaType instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type registered = registered(raw, override, types);
            if (registered != null) {
                return registered;
            }
            java.lang.reflect.Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == List.class) {
                return new ArrayType(resolve(element(arguments[0], javaType), override, false, types));
            }
            if (raw == Map.class) {
                if (arguments[0] != String.class) {
                    throw new InvalidTypeException("map keys must be strings, got " + javaType.getTypeName(),
                            "declare it as Map<String, " + arguments[1].getTypeName() + ">");
                }
                if (override != FieldType.DEFAULT && override != FieldType.MAP) {
                    throw new InvalidTypeException("type " + override + " cannot be held in a Map",
                            "remove the type option or change the Java type");
                }
                java.lang.reflect.Type value = arguments[1];
                if (value == Object.class || value instanceof WildcardType) {
                    return new MapType(null);
                }
                return new MapType(resolve(value, FieldType.DEFAULT, false, types));
            }
        }
        throw unknown(javaType);
    }

    /** A custom type for a field of the given Java type. */
    public static Type custom(SchemaType<?> schemaType, java.lang.reflect.Type javaType) {
        Class<?> raw = javaType instanceof Class<?> c ? ClassUtils.resolvePrimitiveIfNecessary(c)
                : (javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class);
        if (!raw.isAssignableFrom(schemaType.javaType())) {
            throw new InvalidTypeException(
                    "custom type " + schemaType.getClass().getSimpleName() + " holds "
                            + schemaType.javaType().getSimpleName() + " values, not " + javaType.getTypeName(),
                    "declare the field as " + schemaType.javaType().getSimpleName() + " or use another custom type");
        }
        return new CustomType(schemaType);
    }

    /** The application's custom type for the class, unless the field chose a type. */
    private static @Nullable Type registered(Class<?> raw, FieldType override, SchemaTypes types) {
        SchemaType<?> registered = override == FieldType.DEFAULT ? types.find(raw) : null;
        return registered == null ? null : new CustomType(registered);
    }

    private static java.lang.reflect.Type element(java.lang.reflect.Type argument, java.lang.reflect.Type whole) {
        if (argument instanceof WildcardType) {
            throw new InvalidTypeException("list element type of " + whole.getTypeName() + " is a wildcard",
                    "declare a concrete element type such as List<String>");
        }
        return argument;
    }

    @SuppressWarnings("unchecked")
    private static Type resolveClass(Class<?> raw, FieldType override, boolean key, SchemaTypes types) {
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(raw);
        Type registered = registered(boxed, override, types);
        if (registered != null) {
            return registered;
        }
        if (raw.isEnum()) {
            if (override != FieldType.DEFAULT) {
                throw new InvalidTypeException(
                        "enum fields are stored by their @EnumValue mappings or names and take no " + "type option",
                        "remove type = " + override.name());
            }
            return new EnumType((Class<? extends Enum<?>>) raw);
        }
        if (raw == List.class || raw == Map.class) {
            throw new InvalidTypeException("raw " + raw.getSimpleName() + " has no element type",
                    raw == List.class ? "declare it as List<String> (or another element type)"
                            : "declare it as Map<String, Object> (or another value type)");
        }
        if (override != FieldType.DEFAULT) {
            if (!override.accepts(boxed)) {
                throw new InvalidTypeException(
                        "type " + override + " cannot be held in a " + raw.getSimpleName() + " field",
                        "declare the field as " + override.javaTypeNames() + ", or remove type = " + override.name());
            }
            return new PrimitiveType(override, boxed);
        }
        if (key && (boxed == Long.class || boxed == Integer.class)) {
            return new PrimitiveType(FieldType.ID, boxed);
        }
        FieldType inferred = FieldType.inferFrom(boxed);
        if (inferred == null) {
            throw unknown(raw);
        }
        return new PrimitiveType(inferred, boxed);
    }

    private static InvalidTypeException unknown(java.lang.reflect.Type javaType) {
        if (javaType.getTypeName().equals("java.util.Date") || javaType.getTypeName().equals("java.sql.Timestamp")) {
            return new InvalidTypeException("invalid type " + javaType.getTypeName(),
                    "you probably meant LocalDateTime (:naive_datetime, no time zone) or Instant (:utc_datetime)");
        }
        return new InvalidTypeException("unknown type " + javaType.getTypeName(),
                "use one of " + SUPPORTED
                        + ", or a custom type with @Field(customType = ...), or register a SchemaType " + "for "
                        + rawName(javaType) + " for the whole application (SchemaTypes in "
                        + "SchemaRegistry.builder().types(...), or a SchemaType bean in Spring Boot)");
    }

    private static String rawName(java.lang.reflect.Type javaType) {
        return javaType instanceof ParameterizedType parameterized ? parameterized.getRawType().getTypeName()
                : javaType.getTypeName();
    }

}
