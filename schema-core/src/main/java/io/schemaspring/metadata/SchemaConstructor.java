package io.schemaspring.metadata;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import org.jspecify.annotations.Nullable;

/**
 * The no-argument constructor a schema class needs, and the prototype instance its field
 * defaults come from.
 */
final class SchemaConstructor {

    private SchemaConstructor() {
    }

    static MethodHandle find(SchemaClass schemaClass, @Nullable RecordShape record) {
        Class<?> type = schemaClass.type();
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw schemaClass.error(null, "it is abstract or an interface",
                    "make it a concrete class; shared fields can live in an abstract superclass without @Schema");
        }
        if (record != null) {
            if (schemaClass.embedded()) {
                throw schemaClass.error(null, "it is a record, and embedded schemas cannot be records yet",
                        "declare the embedded schema as a class with fields and a no-argument constructor");
            }
            return record.defaultConstructor();
        }
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw schemaClass.error(null, "it is an inner class, which needs an enclosing instance",
                    "declare it static");
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return lookup.unreflectConstructor(constructor).asType(MethodType.methodType(Object.class));
        }
        catch (NoSuchMethodException ex) {
            throw schemaClass.error(null, "it has no no-argument constructor",
                    "add a no-argument constructor (it may be private or protected)");
        }
        catch (IllegalAccessException ex) {
            throw schemaClass.error(null, "its constructor cannot be accessed (" + ex.getMessage() + ")",
                    "open its package to io.schemaspring");
        }
    }

    static Object prototype(SchemaClass schemaClass, MethodHandle constructor) {
        try {
            return (Object) constructor.invokeExact();
        }
        catch (Throwable ex) {
            if (schemaClass.type().isRecord()) {
                throw schemaClass.error(null, "its canonical constructor threw " + ex + " when given nulls and zeros",
                        "let the canonical constructor accept null components: the repository builds records with"
                                + " components not yet known (an id before insert, fields a query does not select)");
            }
            throw schemaClass.error(null, "its no-argument constructor threw " + ex,
                    "make the constructor succeed: the registry builds one instance to read the field defaults");
        }
    }

}
