package io.schemaspring.metadata;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes one field of a schema instance, whatever its visibility: through the
 * schema's generated {@link StructAccess} when it can reach the field, else through
 * method handles; both resolved once when the registry is built.
 */
public final class FieldAccessor {

    private static final MethodType GETTER = MethodType.methodType(Object.class, Object.class);

    private static final MethodType SETTER = MethodType.methodType(void.class, Object.class, Object.class);

    private final String description;

    private final boolean primitive;

    private final @Nullable StructAccess access;

    private final int index;

    private final MethodHandle getter;

    private final @Nullable MethodHandle setter;

    /** The record component's index, {@code -1} for a field of a class. */
    private final int component;

    private final Class<?> boxed;

    private FieldAccessor(Field field, @Nullable StructAccess access, int index, MethodHandle getter,
            @Nullable MethodHandle setter, int component) {
        this(field.getDeclaringClass().getSimpleName() + "." + field.getName(), field.getType(), access, index, getter,
                setter, component);
    }

    private FieldAccessor(String description, Class<?> type, @Nullable StructAccess access, int index,
            MethodHandle getter, @Nullable MethodHandle setter, int component) {
        this.description = description;
        this.primitive = type.isPrimitive();
        this.access = access;
        this.index = index;
        this.getter = getter;
        this.setter = setter;
        this.component = component;
        this.boxed = MethodType.methodType(type).wrap().returnType();
    }

    /**
     * The entry {@code key} of a {@code Map}: a column of a row read without a schema.
     */
    static FieldAccessor ofMapKey(String key) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            MethodHandle get = lookup.findVirtual(java.util.Map.class, "get",
                    MethodType.methodType(Object.class, Object.class));
            MethodHandle put = lookup.findVirtual(java.util.Map.class, "put",
                    MethodType.methodType(Object.class, Object.class, Object.class));
            return new FieldAccessor("Map[" + key + "]", Object.class, null, -1,
                    MethodHandles.insertArguments(get, 1, key).asType(GETTER),
                    MethodHandles.dropReturn(MethodHandles.insertArguments(put, 1, key)).asType(SETTER), -1);
        }
        catch (NoSuchMethodException | IllegalAccessException ex) {
            throw new IllegalStateException("Cannot access java.util.Map", ex);
        }
    }

    /**
     * A record component: read from the record or a {@link RecordDraft}, written only
     * into a draft.
     */
    static FieldAccessor ofComponent(Field field, int component) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(),
                    MethodHandles.lookup());
            return new FieldAccessor(field, null, -1, lookup.unreflectGetter(field).asType(GETTER), null, component);
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException("Cannot access field " + field + ": open its package to io.schemaspring",
                    ex);
        }
    }

    static FieldAccessor of(Field field) {
        return of(field, null, -1);
    }

    /**
     * An accessor using the generated access at this index, when given, else method
     * handles.
     */
    static FieldAccessor of(Field field, @Nullable StructAccess access, int index) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(field.getDeclaringClass(),
                    MethodHandles.lookup());
            return new FieldAccessor(field, access, index, lookup.unreflectGetter(field).asType(GETTER),
                    lookup.unreflectSetter(field).asType(SETTER), -1);
        }
        catch (IllegalAccessException ex) {
            throw new IllegalStateException("Cannot access field " + field + ": open its package to io.schemaspring",
                    ex);
        }
    }

    /** Whether the field has a primitive Java type (and so cannot hold null). */
    public boolean primitive() {
        return this.primitive;
    }

    /**
     * The field's value on {@code instance}, a primitive boxed; a record component is
     * read from the record or from a {@link RecordDraft}.
     */
    public @Nullable Object get(Object instance) {
        if (this.access != null) {
            return this.access.get(instance, this.index);
        }
        if (this.component >= 0 && instance instanceof RecordDraft draft) {
            return draft.values[this.component];
        }
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

    /**
     * Writes {@code value} into the field of {@code instance}; a record component only
     * into a {@link RecordDraft}.
     * @throws IllegalArgumentException when {@code value} is null for a primitive field
     * or not of the field's type
     * @throws UnsupportedOperationException when the field is a record component and
     * {@code instance} is no draft
     */
    public void set(Object instance, @Nullable Object value) {
        if (value == null && this.primitive) {
            throw new IllegalArgumentException("Cannot set null into primitive field " + this.description
                    + ": declare it with a wrapper type (Integer, Long, ...) or keep the column NOT NULL");
        }
        if (this.access != null) {
            try {
                this.access.set(instance, this.index, value);
                return;
            }
            catch (ClassCastException ex) {
                throw new IllegalArgumentException(
                        "Cannot set a " + value.getClass().getName() + " into " + this.description, ex);
            }
        }
        if (this.component >= 0) {
            setComponent(instance, value);
            return;
        }
        try {
            this.setter.invokeExact(instance, value);
        }
        catch (ClassCastException ex) {
            throw new IllegalArgumentException(
                    "Cannot set a " + value.getClass().getName() + " into " + this.description, ex);
        }
        catch (RuntimeException | Error ex) {
            throw ex;
        }
        catch (Throwable ex) {
            throw new IllegalStateException("Cannot write " + this.description, ex);
        }
    }

    private void setComponent(Object instance, @Nullable Object value) {
        if (!(instance instanceof RecordDraft draft)) {
            throw new UnsupportedOperationException("Cannot set " + this.description
                    + ": it is a record component, and records are immutable (the repository answers a new record)");
        }
        if (value != null && !this.boxed.isInstance(value)) {
            throw new IllegalArgumentException(
                    "Cannot set a " + value.getClass().getName() + " into " + this.description);
        }
        draft.values[this.component] = value;
    }

    /**
     * Whether this is a component of a record schema, written only into a
     * {@link RecordDraft}.
     */
    public boolean component() {
        return this.component >= 0;
    }

    /** Whether the field goes through generated bytecode rather than method handles. */
    public boolean generated() {
        return this.access != null;
    }

    @Override
    public String toString() {
        return "FieldAccessor[" + this.description
                + (generated() ? ", generated" : component() ? ", record component" : ", method handles") + "]";
    }

}
