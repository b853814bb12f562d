package io.schemaspring.type;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A Java enum as {@code Ecto.Enum}. Each constant is stored as its mapped value: the
 * {@link EnumValue @EnumValue} string or integer on the constant, else the constant's
 * name. Casting accepts the constants, their names and their mapped values;
 * {@link #values()}, {@link #dumpValues()} and {@link #mappings()} reflect them like
 * {@code Ecto.Enum.values/2}, {@code dump_values/2} and {@code mappings/2}.
 */
public final class EnumType implements Type {

    private final Class<? extends Enum<?>> enumClass;

    private final EmbedAs embedAs;

    private final boolean integer;

    private final boolean mapped;

    private final Map<Enum<?>, Object> mappings;

    private final Map<String, Enum<?>> byName;

    private final Map<Object, Enum<?>> byDumped;

    /** An enum type embedded by name (Ecto's default {@code embed_as: :values}). */
    public EnumType(Class<? extends Enum<?>> enumClass) {
        this(enumClass, EmbedAs.VALUES);
    }

    /**
     * An enum type.
     * @throws InvalidTypeException when the {@code @EnumValue} mappings are mixed
     * (strings and integers), duplicated or set twice on one constant
     */
    public EnumType(Class<? extends Enum<?>> enumClass, EmbedAs embedAs) {
        this.enumClass = Objects.requireNonNull(enumClass, "Enum class must not be null");
        this.embedAs = Objects.requireNonNull(embedAs, "Embed as must not be null");
        Enum<?>[] constants = enumClass.getEnumConstants();
        List<String> integers = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        Map<Enum<?>, Object> mappings = new LinkedHashMap<>();
        boolean mapped = false;
        for (Enum<?> constant : constants) {
            EnumValue annotation = annotation(constant);
            if (annotation != null && annotation.intValue() != EnumValue.NO_INT) {
                if (!annotation.value().isEmpty()) {
                    throw new InvalidTypeException(
                            enumClass.getSimpleName() + "." + constant.name() + " maps to both \"" + annotation.value()
                                    + "\" and " + annotation.intValue(),
                            "keep only one of value and intValue in its @EnumValue");
                }
                integers.add(constant.name());
                mappings.put(constant, annotation.intValue());
                mapped = true;
            }
            else {
                strings.add(constant.name());
                boolean named = annotation != null && !annotation.value().isEmpty();
                mappings.put(constant, named ? annotation.value() : constant.name());
                mapped |= named;
            }
        }
        if (!integers.isEmpty() && !strings.isEmpty()) {
            throw new InvalidTypeException(
                    "Ecto.Enum " + enumClass.getSimpleName() + " mixes integer mappings (" + String.join(", ", integers)
                            + ") with string mappings (" + String.join(", ", strings) + ")",
                    "give every constant of " + enumClass.getSimpleName() + " an @EnumValue(intValue = ...), or none");
        }
        Map<Object, Enum<?>> byDumped = new HashMap<>();
        for (Map.Entry<Enum<?>, Object> entry : mappings.entrySet()) {
            Enum<?> previous = byDumped.putIfAbsent(entry.getValue(), entry.getKey());
            if (previous != null) {
                throw new InvalidTypeException(
                        "Ecto.Enum " + enumClass.getSimpleName() + " maps both " + previous.name() + " and "
                                + entry.getKey().name() + " to " + literal(entry.getValue())
                                + ", but stored values must be unique",
                        "give " + entry.getKey().name() + " another @EnumValue");
            }
        }
        this.integer = !integers.isEmpty();
        this.mapped = mapped;
        this.mappings = Collections.unmodifiableMap(mappings);
        this.byDumped = Map.copyOf(byDumped);
        this.byName = Arrays.stream(constants).collect(Collectors.toUnmodifiableMap(Enum::name, constant -> constant));
    }

    private static @Nullable EnumValue annotation(Enum<?> constant) {
        try {
            return constant.getDeclaringClass().getField(constant.name()).getAnnotation(EnumValue.class);
        }
        catch (NoSuchFieldException ex) {
            return null;
        }
    }

    @Override
    public Class<?> javaType() {
        return this.enumClass;
    }

    /** The Java enum. */
    public Class<? extends Enum<?>> enumClass() {
        return this.enumClass;
    }

    /** How the enum is stored in embeds (JSON). */
    public EmbedAs embedAs() {
        return this.embedAs;
    }

    /**
     * {@code :integer} for {@code @EnumValue(intValue = ...)} constants, else
     * {@code :string}.
     */
    @Override
    public Type storedType() {
        return this.integer ? new PrimitiveType(FieldType.INTEGER, Long.class)
                : new PrimitiveType(FieldType.STRING, String.class);
    }

    /**
     * Whether the constants are stored as integers ({@code @EnumValue(intValue = ...)}),
     * in an integer column.
     */
    public boolean integer() {
        return this.integer;
    }

    /** The constants in declaration order, {@code Ecto.Enum.values/2}. */
    public List<Enum<?>> values() {
        return List.copyOf(this.mappings.keySet());
    }

    /**
     * The stored values ({@code String} or {@code Integer}) in declaration order,
     * {@code Ecto.Enum.dump_values/2}.
     */
    public List<Object> dumpValues() {
        return List.copyOf(this.mappings.values());
    }

    /**
     * Each constant with its stored value, in declaration order,
     * {@code Ecto.Enum.mappings/2}.
     */
    public Map<Enum<?>, Object> mappings() {
        return this.mappings;
    }

    /** The constant with this name, or {@code null}. */
    public @Nullable Enum<?> valueOf(String name) {
        return this.byName.get(name);
    }

    /**
     * The stored value of a constant: a {@code String}, or an {@code Integer} for integer
     * mappings.
     */
    public Object dump(Enum<?> constant) {
        return Objects.requireNonNull(this.mappings.get(constant),
                () -> constant + " is not a " + this.enumClass.getName());
    }

    /**
     * The constant stored as this value, or {@code null} (integers of any width match
     * integer mappings).
     */
    public @Nullable Enum<?> load(Object dumped) {
        if (this.integer && dumped instanceof Number number && !(dumped instanceof Double || dumped instanceof Float)) {
            long value = number.longValue();
            return value == (int) value ? this.byDumped.get((int) value) : null;
        }
        return this.integer ? null : this.byDumped.get(dumped);
    }

    /**
     * Ecto.Enum's cast: a constant, a constant's name, or a stored value ({@code "f"} for
     * {@code @EnumValue("f")}, {@code 1} for {@code @EnumValue(intValue = 1)}).
     */
    @Override
    public CastResult<?> cast(@Nullable Object input) {
        if (input == null) {
            return CastResult.ok(null);
        }
        if (this.enumClass.isInstance(input)) {
            return CastResult.ok(input);
        }
        Enum<?> loaded = load(input);
        if (loaded != null) {
            return CastResult.ok(loaded);
        }
        if (input instanceof String name && this.byName.containsKey(name)) {
            return CastResult.ok(this.byName.get(name));
        }
        return CastResult.invalid();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EnumType that && that.enumClass == this.enumClass && that.embedAs == this.embedAs;
    }

    @Override
    public int hashCode() {
        return this.enumClass.hashCode() * 31 + this.embedAs.hashCode();
    }

    /**
     * {@code #Ecto.Enum<values: [:A, :B]>}, or with mappings
     * {@code #Ecto.Enum<values: [A: "a", B: 2]>}.
     */
    @Override
    public String toString() {
        return this.mappings.entrySet()
            .stream()
            .map(entry -> this.mapped ? entry.getKey().name() + ": " + literal(entry.getValue())
                    : ":" + entry.getKey().name())
            .collect(Collectors.joining(", ", "#Ecto.Enum<values: [", "]>"));
    }

    private static String literal(Object value) {
        return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }

}
