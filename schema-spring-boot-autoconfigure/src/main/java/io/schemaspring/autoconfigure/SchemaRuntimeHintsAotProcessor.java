package io.schemaspring.autoconfigure;

import io.schemaspring.metadata.FieldMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.data.support.SchemaRepositoryFactoryBean;
import io.schemaspring.type.CustomType;
import io.schemaspring.type.FieldGenerator;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.interceptor.TransactionalProxy;

/**
 * {@code RuntimeHints} for what the starter reaches reflectively at run time: each
 * schema's fields, constructors and (records) accessors, the custom types and generators
 * it names, and the repository interfaces with the JDK proxies Spring Data builds for
 * them.
 */
final class SchemaRuntimeHintsAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
            ConfigurableListableBeanFactory beanFactory) {
        String[] registries = beanFactory.getBeanNamesForType(SchemaRegistry.class, false, false);
        if (registries.length == 0) {
            return null;
        }
        SchemaRegistry registry = beanFactory.getBean(registries[0], SchemaRegistry.class);
        List<Class<?>> repositories = repositoryInterfaces(beanFactory);
        return (generationContext, code) -> register(generationContext.getRuntimeHints(), registry, repositories);
    }

    static void register(RuntimeHints hints, SchemaRegistry registry, List<Class<?>> repositories) {
        for (SchemaMetadata schema : registry.all()) {
            hints.reflection()
                .registerType(schema.schemaClass(), MemberCategory.ACCESS_DECLARED_FIELDS,
                        MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS);
            for (String name : schema.fields()) {
                FieldMetadata field = schema.field(name);
                if (field.type() instanceof CustomType custom) {
                    hints.reflection()
                        .registerType(custom.schemaType().getClass(), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
                }
                FieldGenerator<?> generator = schema.generator(name);
                if (generator != null) {
                    hints.reflection().registerType(generator.getClass(), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
                }
            }
        }
        for (Class<?> repository : repositories) {
            hints.reflection().registerType(repository, MemberCategory.INVOKE_PUBLIC_METHODS);
            hints.proxies()
                .registerJdkProxy(AopProxyUtils.completeJdkProxyInterfaces(repository, Repository.class,
                        TransactionalProxy.class));
        }
    }

    private static List<Class<?>> repositoryInterfaces(ConfigurableListableBeanFactory beanFactory) {
        List<Class<?>> interfaces = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (SchemaRepositoryFactoryBean.class.getName().equals(definition.getBeanClassName())
                    && definition.getAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE) instanceof Class<?> repository) {
                interfaces.add(repository);
            }
        }
        return interfaces;
    }

}
