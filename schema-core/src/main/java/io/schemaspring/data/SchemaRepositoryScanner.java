package io.schemaspring.data;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** Finds the user's interfaces extending {@link SchemaRepository} below base packages. */
public final class SchemaRepositoryScanner {

    private final ClassLoader classLoader;

    /**
     * A scanner reading the class path of {@code classLoader} and loading the interfaces
     * it finds with it.
     */
    public SchemaRepositoryScanner(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * The interfaces in the base packages and below that extend {@link SchemaRepository}
     * (not {@code SchemaRepository} itself), each once, in the order found.
     */
    public Set<Class<?>> scan(Iterable<String> basePackages) {
        ClassPathScanningCandidateComponentProvider provider = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface() && definition.getMetadata().isIndependent();
            }
        };
        provider.setResourceLoader(new DefaultResourceLoader(this.classLoader));
        provider.addIncludeFilter(new AssignableTypeFilter(SchemaRepository.class));
        Set<Class<?>> found = new LinkedHashSet<>();
        for (String basePackage : basePackages) {
            for (BeanDefinition candidate : provider.findCandidateComponents(basePackage)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), this.classLoader);
                if (type != SchemaRepository.class) {
                    found.add(type);
                }
            }
        }
        return found;
    }

}
