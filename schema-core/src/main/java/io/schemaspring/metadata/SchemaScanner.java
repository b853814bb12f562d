package io.schemaspring.metadata;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.Schema;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds {@code @Schema} and {@code @EmbeddedSchema} classes below base packages on the
 * class path.
 */
public final class SchemaScanner {

    private final ClassLoader classLoader;

    /**
     * A scanner reading the class path of {@code classLoader} and loading the classes it
     * finds with it.
     */
    public SchemaScanner(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /**
     * The classes below the base packages annotated directly (not through a
     * meta-annotation) with {@code @Schema} or {@code @EmbeddedSchema}, top-level or
     * static nested, in the order found.
     */
    public Set<Class<?>> scan(Iterable<String> basePackages) {
        ClassPathScanningCandidateComponentProvider provider = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        provider.setResourceLoader(new org.springframework.core.io.DefaultResourceLoader(this.classLoader));
        provider.addIncludeFilter(new AnnotationTypeFilter(Schema.class, false));
        provider.addIncludeFilter(new AnnotationTypeFilter(EmbeddedSchema.class, false));
        Set<Class<?>> found = new LinkedHashSet<>();
        for (String basePackage : basePackages) {
            for (BeanDefinition candidate : provider.findCandidateComponents(basePackage)) {
                found.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), this.classLoader));
            }
        }
        return found;
    }

}
