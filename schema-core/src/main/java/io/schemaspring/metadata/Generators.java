package io.schemaspring.metadata;

import io.schemaspring.type.FieldGenerator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Makes the {@link FieldGenerator}s of {@code @Field(generator = ...)} and
 * {@code @Timestamps(generator = ...)}: the application's bean of the generator class
 * when the lookup finds one, otherwise a new instance (constructor taking the
 * {@link java.lang.reflect.Field}, else the no-argument one), after checking that the
 * generated type fits the field.
 */
final class Generators {

    private final Function<Class<?>, @Nullable Object> beans;

    Generators(Function<Class<?>, @Nullable Object> beans) {
        this.beans = beans;
    }

    static Generators none() {
        return new Generators(type -> null);
    }

    /**
     * Whether an annotation attribute names a generator (its default is the interface
     * itself).
     */
    static boolean declared(Class<?> generator) {
        return generator != FieldGenerator.class;
    }

    FieldGenerator<?> create(SchemaClass schemaClass, String name, java.lang.reflect.@Nullable Field field,
            Class<?> generatorClass, Class<?> fieldType, String option) {
        Class<?> produced = ResolvableType.forClass(generatorClass).as(FieldGenerator.class).getGeneric(0).resolve();
        Class<?> expected = ClassUtils.resolvePrimitiveIfNecessary(fieldType);
        if (produced == null) {
            throw schemaClass.error(name,
                    "generator " + generatorClass.getName() + " does not declare what it " + "generates",
                    "implement FieldGenerator<" + expected.getSimpleName() + "> with the type argument");
        }
        if (!expected.isAssignableFrom(produced)) {
            String fix = "make the generator implement FieldGenerator<" + expected.getSimpleName() + ">";
            throw schemaClass.error(name, "generator " + generatorClass.getName() + " generates " + produced.getName()
                    + (field != null ? " but the field :" + name + " holds " + expected.getName()
                            : " but " + option + " must generate " + expected.getName() + " (the schema's clock)"),
                    field != null ? fix + ", or change " + option + " or the field's type" : fix);
        }
        Object bean = this.beans.apply(generatorClass);
        if (bean != null) {
            return (FieldGenerator<?>) bean;
        }
        if (generatorClass.isInterface() || Modifier.isAbstract(generatorClass.getModifiers())) {
            throw schemaClass.error(name,
                    "generator " + generatorClass.getName() + " is abstract and no bean of it exists",
                    "name a concrete class in " + option + ", or declare a bean of " + generatorClass.getSimpleName());
        }
        try {
            if (field != null) {
                try {
                    Constructor<?> withField = generatorClass.getDeclaredConstructor(java.lang.reflect.Field.class);
                    withField.setAccessible(true);
                    return (FieldGenerator<?>) withField.newInstance(field);
                }
                catch (NoSuchMethodException ex) {
                    // fall back to the no-argument constructor
                }
            }
            Constructor<?> noArgs = generatorClass.getDeclaredConstructor();
            noArgs.setAccessible(true);
            return (FieldGenerator<?>) noArgs.newInstance();
        }
        catch (NoSuchMethodException ex) {
            throw schemaClass.error(name,
                    "generator " + generatorClass.getName() + " has no constructor taking a "
                            + "java.lang.reflect.Field nor a no-argument constructor",
                    "add one of them, or declare a bean of " + generatorClass.getSimpleName());
        }
        catch (InvocationTargetException ex) {
            throw schemaClass.error(name,
                    "generator " + generatorClass.getName() + " failed to construct: " + ex.getCause(),
                    "fix its constructor");
        }
        catch (ReflectiveOperationException ex) {
            throw schemaClass.error(name, "generator " + generatorClass.getName() + " cannot be instantiated: " + ex,
                    "make it a static, accessible class");
        }
    }

}
