package io.schemaspring.data;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A repository interface method that cannot be implemented: an unknown property in a
 * derived query, an unsupported keyword, a parameter without a name. Thrown when the
 * repository is created (start-up); the message names the interface, the method, the
 * property and the fix.
 */
public class RepositoryDefinitionException extends RuntimeException {

    private final Class<?> repositoryInterface;

    private final String method;

    private final @Nullable String property;

    private final String reason;

    private final String fix;

    /**
     * The error of a method of a repository interface: {@code reason} says what is wrong,
     * {@code fix} what to change, {@code property} the derived-query property at fault
     * ({@code null} when none); the message names them all.
     */
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
        return method.getName() + "("
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
                + ")";
    }

    /** The repository interface declaring the method. */
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

    /** Why the method cannot be implemented, as the message says it. */
    public String reason() {
        return this.reason;
    }

    /**
     * What to change so the method can be implemented: the message's {@code Fix:} part.
     */
    public String fix() {
        return this.fix;
    }

}
