package io.schemaspring.data.support;

import io.schemaspring.repo.Repo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.core.support.RepositoryComposition.RepositoryFragments;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.data.repository.core.support.RepositoryFactorySupport;
import org.springframework.data.repository.core.support.RepositoryFragment;
import org.springframework.util.ClassUtils;

/**
 * The bean of a user's repository interface, created at start-up so its query methods are
 * checked then. Custom fragments are found as Spring Data finds them: for each interface
 * the repository extends ({@code PostRepositoryCustom}), a class of the same name with
 * {@code Impl} appended ({@code PostRepositoryCustomImpl}), taken from the context or
 * created with autowiring.
 */
public class SchemaRepositoryFactoryBean<T extends Repository<S, ID>, S, ID>
        extends RepositoryFactoryBeanSupport<T, S, ID> {

    private static final String IMPLEMENTATION_POSTFIX = "Impl";

    private final Class<? extends T> repositoryInterface;

    private @Nullable Repo repo;

    private @Nullable BeanFactory beanFactory;

    /**
     * The bean of {@code repositoryInterface}, a user's interface extending
     * {@code SchemaRepository}.
     */
    public SchemaRepositoryFactoryBean(Class<? extends T> repositoryInterface) {
        super(repositoryInterface);
        this.repositoryInterface = repositoryInterface;
    }

    /** The repo to use; by default the context's only {@link Repo}. */
    public void setRepo(Repo repo) {
        this.repo = repo;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        super.setBeanFactory(beanFactory);
        this.beanFactory = beanFactory;
    }

    @Override
    public void afterPropertiesSet() {
        if (this.repo == null) {
            this.repo = Objects.requireNonNull(this.beanFactory, "BeanFactory must be set").getBean(Repo.class);
        }
        setRepositoryFragments(fragments());
        super.afterPropertiesSet();
    }

    @Override
    protected RepositoryFactorySupport createRepositoryFactory() {
        return new SchemaRepositoryFactory(Objects.requireNonNull(this.repo, "Repo must be set"));
    }

    private RepositoryFragments fragments() {
        List<RepositoryFragment<?>> fragments = new ArrayList<>();
        for (Class<?> candidate : superInterfaces(this.repositoryInterface, new LinkedHashSet<>())) {
            if (Repository.class.isAssignableFrom(candidate)
                    || candidate.getName().startsWith("org.springframework.")) {
                continue;
            }
            Object implementation = implementation(candidate);
            if (implementation != null) {
                fragments.add(RepositoryFragment.implemented(cast(candidate), implementation));
            }
        }
        return RepositoryFragments.from(fragments);
    }

    private static Set<Class<?>> superInterfaces(Class<?> type, Set<Class<?>> found) {
        for (Class<?> parent : type.getInterfaces()) {
            if (found.add(parent)) {
                superInterfaces(parent, found);
            }
        }
        return found;
    }

    private @Nullable Object implementation(Class<?> fragmentInterface) {
        ClassLoader classLoader = fragmentInterface.getClassLoader();
        String name = fragmentInterface.getName() + IMPLEMENTATION_POSTFIX;
        if (!ClassUtils.isPresent(name, classLoader)) {
            return null;
        }
        Class<Object> type = cast(ClassUtils.resolveClassName(name, classLoader));
        BeanFactory factory = Objects.requireNonNull(this.beanFactory, "BeanFactory must be set");
        return factory.getBeanProvider(type)
            .getIfAvailable(() -> factory instanceof AutowireCapableBeanFactory autowiring ? autowiring.createBean(type)
                    : BeanUtils.instantiateClass(type));
    }

    @SuppressWarnings("unchecked")
    private static <F> Class<F> cast(Class<?> type) {
        return (Class<F>) type;
    }

}
