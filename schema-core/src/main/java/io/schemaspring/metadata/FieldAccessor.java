package io.schemaspring.metadata;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes one field of a schema instance, whatever its visibility, through method
 * handles resolved once when the registry is built.
 */
public final class FieldAccessor {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);
    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final String description;
    private final boolean primitive;
    private final MethodHandle getter;
    private final MethodHandle setter;

    private FieldAccessor(Field field, MethodHandle getter, MethodHandle setter) {
        this.description = field.getDeclaringClass().getSimpleName() + "." + field.getName();
        this.primitive = field.getType().isPrimitive();
        this.getter = getter;
        this.setter = setter;
    }

    static FieldAccessor of(Field field) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(), MethodHandles.lookup());
            return new FieldAccessor(field, lookup.unreflectGetter(field).asType(GETTER),
                    lookup.unreflectSetter(field).asType(SETTER));
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException("Cannot access field " + field + ": open its package to io.schemaspring", ex);
        }
    }

    /** Whether the field has a primitive Java type (and so cannot hold null). */
    public boolean primitive() {
        return this.primitive;
    }

    public @Nullable Object get(Object instance) {
        try {
            return (Object) this.getter.invokeExact(instance);
        }
        catch (RuntimeException | Error ex) {
            throw ex;
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Cannot read " + this.description, ex);
        }
    }

    public void set(Object instance, @Nullable Object value) {
        if (value == null && this.primitive) {
            throw new IllegalArgumentException("Cannot set null into primitive field " + this.description
                    + ": declare it with a wrapper type (Integer, Long, ...) or keep the column NOT NULL");
        }
        try {
            this.setter.invokeExact(instance, value);
        }
        catch (ClassCastException ex) {
            throw new IllegalArgumentException("Cannot set a " + value.getClass().getName() + " into " + this.description, ex);
        }
        catch (RuntimeException | Error ex) {
            throw ex;
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Cannot write " + this.description, ex);
        }
    }

    @Override
    public String toString() {
        return "FieldAccessor[" + this.description + "]";
    }
}
