package io.schemaspring.metadata;

import io.schemaspring.annotation.Field;
import io.schemaspring.type.ArrayType;
import io.schemaspring.type.EmbedAs;
import io.schemaspring.type.EnumType;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.InvalidTypeException;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.SchemaType;
import io.schemaspring.type.TypeParameters;
import io.schemaspring.type.SchemaTypes;
import io.schemaspring.type.Type;
import io.schemaspring.type.TypeInference;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The type of a plain field, in precedence order: the field's {@code @Field}
 * ({@code customType} or {@code type}), the key and timestamp types of the defaults, the
 * application's custom types, then the built-in type table.
 */
final class FieldTypeResolver {

    private final SchemaClass schemaClass;

    private final FieldRoles roles;

    private final SchemaTypes types;

    FieldTypeResolver(SchemaClass schemaClass, FieldRoles roles, SchemaTypes types) {
        this.schemaClass = schemaClass;
        this.roles = roles;
        this.types = types;
    }

    Type resolve(java.lang.reflect.Field field, @Nullable Field options, boolean primaryKey) {
        Type type = resolveType(field, options, primaryKey);
        String name = field.getName();
        boolean virtual = options != null && options.virtual();
        if (!virtual && (isAny(type) || type instanceof ArrayType array && isAny(array.elementType()))) {
            throw this.schemaClass.error(name,
                    "only virtual fields can have type :any, invalid type for field :" + name,
                    "add @Field(virtual = true), or declare :" + name + " with a concrete type");
        }
        if (options != null && options.embedAs() != EmbedAs.VALUES) {
            if (type instanceof EnumType enumType) {
                return new EnumType(enumType.enumClass(), options.embedAs());
            }
            if (type instanceof ArrayType array && array.elementType() instanceof EnumType enumType) {
                return new ArrayType(new EnumType(enumType.enumClass(), options.embedAs()));
            }
            throw this.schemaClass.error(name, "embedAs applies only to enums, but :" + name + " has type " + type,
                    "remove embedAs = " + options.embedAs().name());
        }
        return type;
    }

    private static boolean isAny(Type type) {
        return type instanceof PrimitiveType primitive && primitive.fieldType() == FieldType.ANY;
    }

    private Type resolveType(java.lang.reflect.Field field, @Nullable Field options, boolean primaryKey) {
        String name = field.getName();
        FieldType override = options == null ? FieldType.DEFAULT : options.type();
        if (options != null && options.customType() != SchemaType.class) {
            if (override != FieldType.DEFAULT) {
                throw this.schemaClass.error(name, "it sets both type and customType", "keep only one of them");
            }
            SchemaType<?> type = instantiate(field, options.customType(), options.typeOptions());
            return wrap(name, () -> TypeInference.custom(type, field.getGenericType()));
        }
        if (options != null && options.typeOptions().length > 0) {
            throw this.schemaClass.error(name, "it sets typeOptions without a customType",
                    "name the parameterized type with @Field(customType = ...), or remove typeOptions");
        }
        if (override != FieldType.DEFAULT && this.roles.foreignKeyType(name) != FieldType.DEFAULT) {
            throw this.schemaClass.error(name, "its type is set by both @Field(type) and @BelongsTo(type)",
                    "keep only one of them");
        }
        String setting = null;
        if (override == FieldType.DEFAULT) {
            SchemaDefaultsResolver defaults = this.schemaClass.defaults();
            if (primaryKey && this.roles.defaultPrimaryKey(name) && defaults.primaryKeyType() != FieldType.DEFAULT) {
                override = defaults.primaryKeyType();
                setting = "the primary key type";
            }
            else if (this.roles.foreignKey(name) && this.roles.foreignKeyType(name) != FieldType.DEFAULT) {
                override = this.roles.foreignKeyType(name);
                setting = "@BelongsTo(type) of :" + name;
            }
            else if (this.roles.foreignKey(name) && defaults.foreignKeyType() != FieldType.DEFAULT) {
                override = defaults.foreignKeyType();
                setting = "the foreign key type";
            }
            else if (this.roles.timestamp(name) && defaults.timestampsType() != FieldType.DEFAULT) {
                override = defaults.timestampsType();
                setting = "the timestamps type";
            }
        }
        Type type = resolveJavaType(field, override, setting, primaryKey || this.roles.foreignKey(name));
        if (this.roles.timestamp(name)
                && !(type instanceof PrimitiveType primitive && primitive.fieldType().datetime())) {
            throw this.schemaClass.error(name, "timestamps must be date-times, but :" + name + " has type " + type,
                    "declare it as LocalDateTime, Instant or OffsetDateTime");
        }
        return type;
    }

    private Type resolveJavaType(java.lang.reflect.Field field, FieldType chosen, @Nullable String configured,
            boolean key) {
        String name = field.getName();
        return wrap(name, () -> {
            try {
                return TypeInference.resolve(field.getGenericType(), chosen, key, this.types);
            }
            catch (InvalidTypeException ex) {
                if (configured == null) {
                    throw ex;
                }
                throw new InvalidTypeException(
                        configured + " " + chosen + " cannot be held in a " + field.getType().getSimpleName()
                                + " field",
                        "declare :" + name + " as " + chosen.javaTypeNames()
                                + ", set @Field(type = ...) on it, or change " + configured
                                + (configured.startsWith("@") ? "" : " (@SchemaDefaults or schema.* properties)"));
            }
        });
    }

    private Type wrap(String name, Supplier<Type> resolution) {
        try {
            return resolution.get();
        }
        catch (InvalidTypeException ex) {
            throw this.schemaClass.error(name, ex.reason() + " for field :" + name, ex.fix());
        }
    }

    /**
     * The field's own instance of a custom type: parameterized with the field's options,
     * else plain.
     */
    @SuppressWarnings("rawtypes")
    private SchemaType<?> instantiate(java.lang.reflect.Field field, Class<? extends SchemaType> typeClass,
            String[] typeOptions) {
        String name = field.getName();
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : typeOptions) {
            int equals = option.indexOf('=');
            if (equals < 1) {
                throw this.schemaClass.error(name, "type option \"" + option + "\" is not key=value",
                        "write each option as key=value, for example typeOptions = \"currency=EUR\"");
            }
            options.put(option.substring(0, equals).trim(), option.substring(equals + 1).trim());
        }
        try {
            Constructor<? extends SchemaType> parameterized = parameterizedConstructor(typeClass);
            if (parameterized != null) {
                parameterized.setAccessible(true);
                return parameterized
                    .newInstance(new TypeParameters(field.getDeclaringClass(), name, field.getGenericType(), options));
            }
            if (!options.isEmpty()) {
                throw this.schemaClass.error(name, "custom type " + typeClass.getSimpleName() + " takes no typeOptions",
                        "give " + typeClass.getSimpleName()
                                + " a constructor taking TypeParameters, or remove typeOptions");
            }
            Constructor<? extends SchemaType> constructor = typeClass.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        }
        catch (java.lang.reflect.InvocationTargetException ex) {
            throw this.schemaClass.error(name, "custom type " + typeClass.getSimpleName() + " refused its options ("
                    + ex.getCause().getMessage() + ")", "fix the typeOptions of :" + name);
        }
        catch (ReflectiveOperationException | RuntimeException ex) {
            if (ex instanceof SchemaDefinitionException definition) {
                throw definition;
            }
            throw this.schemaClass.error(name,
                    "custom type " + typeClass.getSimpleName() + " cannot be instantiated (" + ex + ")",
                    "give " + typeClass.getSimpleName() + " a no-argument constructor or one taking TypeParameters");
        }
    }

    @SuppressWarnings({ "rawtypes", "unchecked" })
    private static @Nullable Constructor<? extends SchemaType> parameterizedConstructor(
            Class<? extends SchemaType> typeClass) {
        try {
            return typeClass.getDeclaredConstructor(TypeParameters.class);
        }
        catch (NoSuchMethodException ex) {
            return null;
        }
    }

}
