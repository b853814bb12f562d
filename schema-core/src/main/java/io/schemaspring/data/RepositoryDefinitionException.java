package io.schemaspring.data;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A repository interface method that cannot be implemented: an unknown property in a derived
 * query, an unsupported keyword, a parameter without a name. Thrown when the repository is
 * created (start-up); the message names the interface, the method, the property and the fix.
 */
public class RepositoryDefinitionException extends RuntimeException {

    private final Class<?> repositoryInterface;
    private final String method;
    private final @Nullable String property;
    private final String reason;
    private final String fix;

    public RepositoryDefinitionException(Class<?> repositoryInterface, Method method, @Nullable String property,
            String reason, String fix) {
        this(repositoryInterface, signature(method), property, reason, fix);
    }

    private RepositoryDefinitionException(Class<?> repositoryInterface, String method, @Nullable String property,
            String reason, String fix) {
        super("Invalid repository method " + repositoryInterface.getSimpleName() + "." + method
                + (property != null ? ", property :" + property : "") + ": " + reason + ". Fix: " + fix);
        this.repositoryInterface = repositoryInterface;
        this.method = method;
        this.property = property;
        this.reason = reason;
        this.fix = fix;
    }

    /** {@code findByTitle(String)}. */
    public static String signature(Method method) {
        return method.getName() + "(" + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ")) + ")";
    }

    public Class<?> repositoryInterface() {
        return this.repositoryInterface;
    }

    /** The method's name and parameter types: {@code findByTitle(String)}. */
    public String method() {
        return this.method;
    }

    /** The property of a derived query the error is about, if any. */
    public @Nullable String property() {
        return this.property;
    }

    public String reason() {
        return this.reason;
    }

    public String fix() {
        return this.fix;
    }
}
