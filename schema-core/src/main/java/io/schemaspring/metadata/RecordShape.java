package io.schemaspring.metadata;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The canonical constructor and components of a record schema: records are built from
 * their values, never filled in.
 */
final class RecordShape {

    private final Class<?> type;

    private final List<String> components;

    private final Object[] defaults;

    private final MethodHandle canonical;

    private final MethodHandle[] getters;

    private RecordShape(Class<?> type, List<String> components, Object[] defaults, MethodHandle canonical,
            MethodHandle[] getters) {
        this.type = type;
        this.components = components;
        this.defaults = defaults;
        this.canonical = canonical;
        this.getters = getters;
    }

    static RecordShape of(SchemaClass schemaClass) {
        Class<?> type = schemaClass.type();
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] defaults = new Object[components.length];
        MethodHandle[] getters = new MethodHandle[components.length];
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            for (int i = 0; i < components.length; i++) {
                defaults[i] = types[i].isPrimitive() ? MethodHandles.zero(types[i]).invoke() : null;
                getters[i] = lookup.unreflectGetter(type.getDeclaredField(components[i].getName()))
                    .asType(MethodType.methodType(Object.class, Object.class));
            }
            MethodHandle canonical = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                .asSpreader(Object[].class, components.length)
                .asType(MethodType.methodType(Object.class, Object[].class));
            return new RecordShape(type, Arrays.stream(components).map(RecordComponent::getName).toList(), defaults,
                    canonical, getters);
        }
        catch (IllegalAccessException ex) {
            throw schemaClass.error(null, "its canonical constructor cannot be accessed (" + ex.getMessage() + ")",
                    "open its package to io.schemaspring");
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Cannot read the record " + type.getName(), ex);
        }
    }

    /**
     * The canonical constructor given {@link #defaults()}: what
     * {@link Structs#newInstance()} answers.
     */
    MethodHandle defaultConstructor() {
        return MethodHandles.insertArguments(this.canonical, 0, (Object) this.defaults);
    }

    int index(Field field) {
        return this.components.indexOf(field.getName());
    }

    /** Nulls, and zeros for primitive components. */
    Object[] defaults() {
        return this.defaults.clone();
    }

    Object[] values(Object record) {
        Object[] values = new Object[this.getters.length];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = (Object) this.getters[i].invokeExact(record);
            }
        }
        catch (RuntimeException | Error ex) {
            throw ex;
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Cannot read " + this.type.getName(), ex);
        }
        return values;
    }

    Object construct(Object[] values) {
        try {
            return (Object) this.canonical.invokeExact(values);
        }
        catch (RuntimeException | Error ex) {
            throw ex;
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Cannot construct " + this.type.getName(), ex);
        }
    }

}
