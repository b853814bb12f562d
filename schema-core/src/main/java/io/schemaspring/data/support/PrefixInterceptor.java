package io.schemaspring.data.support;

import io.schemaspring.metadata.SqlIdentifiers;
import io.schemaspring.repo.Repo;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.repository.core.support.RepositoryComposition.RepositoryFragments;
import org.springframework.util.ConcurrentLruCache;

/**
 * {@code withPrefix(prefix)} on a user's repository answers the same interface bound to
 * the prefix, derived queries included; {@code toString} names the interface. The proxies
 * of the {@value #KEPT_PREFIXES} prefixes used last are kept, so that thousands of
 * tenants cost bounded memory (a proxy evicted is built again when its tenant comes
 * back).
 */
final class PrefixInterceptor implements MethodInterceptor {

    private final Class<?> repositoryInterface;

    private final RepositoryFragments fragments;

    private final @Nullable String prefix;
    static final int KEPT_PREFIXES = 256;

    private final ConcurrentLruCache<String, Object> prefixed;

    PrefixInterceptor(Repo repo, Class<?> repositoryInterface, RepositoryFragments fragments, @Nullable String prefix) {
        this.repositoryInterface = repositoryInterface;
        this.fragments = fragments;
        this.prefix = prefix;
        this.prefixed = new ConcurrentLruCache<>(KEPT_PREFIXES,
                key -> new SchemaRepositoryFactory(repo, key).getRepository(repositoryInterface, fragments));
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        String name = invocation.getMethod().getName();
        Object[] arguments = invocation.getArguments();
        if (name.equals("withPrefix") && arguments.length == 1 && arguments[0] instanceof String requested) {
            String prefix = SqlIdentifiers.require(requested, "Prefix");
            return this.prefixed.get(prefix);
        }
        if (name.equals("toString") && arguments.length == 0) {
            return this.repositoryInterface.getSimpleName() + "<"
                    + SchemaRepositoryFactory.schemaOf(this.repositoryInterface).getSimpleName() + ">"
                    + (this.prefix == null ? "" : " in " + this.prefix);
        }
        if (this.prefix != null
                && this.fragments.stream().anyMatch(fragment -> fragment.hasMethod(invocation.getMethod()))) {
            throw new InvalidDataAccessApiUsageException(this.repositoryInterface.getSimpleName() + "." + name
                    + " is a custom fragment method, which cannot know that this repository is bound to prefix \""
                    + this.prefix
                    + "\": call it on the unbound repository and pass the prefix to it, so it never reads "
                    + "another tenant's rows by mistake");
        }
        return invocation.proceed();
    }

}
