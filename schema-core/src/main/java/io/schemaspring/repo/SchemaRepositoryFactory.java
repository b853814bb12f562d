package io.schemaspring.repo;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.ResolvableType;

/**
 * Implements user interfaces that extend {@link SchemaRepository}: the inherited methods go to a
 * {@link SimpleSchemaRepository}, default methods run as written. An abstract method of the
 * user's own is refused when the repository is created, naming the fix.
 */
public final class SchemaRepositoryFactory {

    private SchemaRepositoryFactory() {
    }

    /** The schema class of a repository interface, from its {@code SchemaRepository<T, ID>} generics. */
    public static Class<?> schemaOf(Class<?> repositoryInterface) {
        Class<?> schema = ResolvableType.forClass(repositoryInterface).as(SchemaRepository.class).getGeneric(0).resolve();
        if (schema == null) {
            throw new IllegalStateException(repositoryInterface.getName() + " must name its schema: extend "
                    + "SchemaRepository<YourSchema, IdType>");
        }
        return schema;
    }

    public static <R> R create(Class<R> repositoryInterface, Repo repo) {
        if (!repositoryInterface.isInterface() || !SchemaRepository.class.isAssignableFrom(repositoryInterface)) {
            throw new IllegalArgumentException(repositoryInterface.getName() + " is not an interface extending SchemaRepository");
        }
        Class<?> schema = schemaOf(repositoryInterface);
        for (Method method : repositoryInterface.getMethods()) {
            if (!method.isDefault() && !Modifier.isStatic(method.getModifiers())
                    && !method.getDeclaringClass().isAssignableFrom(SimpleSchemaRepository.class)) {
                throw new IllegalStateException(repositoryInterface.getSimpleName() + "." + method.getName() + "("
                        + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                        + ") has no implementation: declare it as a default method built on query(), all(), one() or getBy(), "
                        + "for example `default Optional<" + schema.getSimpleName() + "> findByEmail(String email) "
                        + "{ return getBy(Map.of(\"email\", email)); }`");
            }
        }
        SimpleSchemaRepository<?, ?> target = new SimpleSchemaRepository<>(repo, schema);
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> repositoryInterface.getSimpleName() + "<" + schema.getSimpleName() + ">";
                };
            }
            try {
                return method.invoke(target, args);
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        };
        return repositoryInterface.cast(Proxy.newProxyInstance(repositoryInterface.getClassLoader(),
                new Class<?>[] {repositoryInterface}, handler));
    }
}
