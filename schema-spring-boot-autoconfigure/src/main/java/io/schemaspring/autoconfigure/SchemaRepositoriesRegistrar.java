package io.schemaspring.autoconfigure;

import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.PrimaryKeys;
import io.schemaspring.metadata.SchemaScanner;
import io.schemaspring.metadata.SchemaSettings;
import io.schemaspring.repo.Repo;
import io.schemaspring.data.SchemaRepository;
import io.schemaspring.data.SchemaRepositoryScanner;
import io.schemaspring.data.support.SimpleSchemaRepository;
import io.schemaspring.data.support.SchemaRepositoryFactory;
import io.schemaspring.data.support.SchemaRepositoryFactoryBean;
import java.beans.Introspector;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Registers one repository bean per schema: the user's interface extending
 * {@code SchemaRepository<T, ID>} when there is one (a Spring Data repository factory
 * bean), else a {@code SchemaRepository<T, ID>} typed with the schema and its key type,
 * so it is injected by generic type.
 */
final class SchemaRepositoriesRegistrar implements BeanDefinitionRegistryPostProcessor {

    private final Environment environment;

    SchemaRepositoriesRegistrar(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        ConfigurableListableBeanFactory beanFactory = (ConfigurableListableBeanFactory) registry;
        SchemaProperties properties = Binder.get(this.environment)
            .bind("schema", SchemaProperties.class)
            .orElseGet(SchemaProperties::new);
        List<String> packages = SchemaPackages.resolve(properties, beanFactory);
        ClassLoader classLoader = beanFactory.getBeanClassLoader() != null ? beanFactory.getBeanClassLoader()
                : ClassUtils.getDefaultClassLoader();
        SchemaSettings settings = SchemaSettingsMapper.toSettings(properties, null);
        Set<Class<?>> covered = new HashSet<>();
        for (Class<?> repositoryInterface : new SchemaRepositoryScanner(classLoader).scan(packages)) {
            Class<?> schema = SchemaRepositoryFactory.schemaOf(repositoryInterface);
            covered.add(schema);
            register(registry, Introspector.decapitalize(repositoryInterface.getSimpleName()),
                    userRepository(repositoryInterface, schema, settings));
        }
        for (Class<?> schema : new SchemaScanner(classLoader).scan(packages)) {
            if (schema.isAnnotationPresent(Schema.class) && !covered.contains(schema)) {
                register(registry, Introspector.decapitalize(schema.getSimpleName()) + "SchemaRepository",
                        schemaRepository(schema, PrimaryKeys.idType(schema, settings)));
            }
        }
    }

    private static void register(BeanDefinitionRegistry registry, String name, RootBeanDefinition definition) {
        if (!registry.containsBeanDefinition(name)) {
            registry.registerBeanDefinition(name, definition);
        }
    }

    /**
     * Spring Data's way: the bean is a {@link SchemaRepositoryFactoryBean} of the
     * interface, typed {@code SchemaRepositoryFactoryBean<BookRepository, Book, Long>} so
     * it matches by generic type.
     */
    private static RootBeanDefinition userRepository(Class<?> repositoryInterface, Class<?> schema,
            SchemaSettings settings) {
        Class<?> idType = ResolvableType.forClass(repositoryInterface)
            .as(SchemaRepository.class)
            .getGeneric(1)
            .toClass();
        RootBeanDefinition definition = new RootBeanDefinition(SchemaRepositoryFactoryBean.class);
        definition.setTargetType(ResolvableType.forClassWithGenerics(SchemaRepositoryFactoryBean.class,
                repositoryInterface, schema, idType == Object.class ? PrimaryKeys.idType(schema, settings) : idType));
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, repositoryInterface);
        definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, repositoryInterface);
        return definition;
    }

    /**
     * Constructor arguments rather than an instance supplier, so Spring AOT can write the
     * definition as code.
     */
    private static RootBeanDefinition schemaRepository(Class<?> schema, Class<?> idType) {
        RootBeanDefinition definition = new RootBeanDefinition(SimpleSchemaRepository.class);
        definition.setTargetType(ResolvableType.forClassWithGenerics(SimpleSchemaRepository.class, schema, idType));
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, new RuntimeBeanReference(Repo.class));
        definition.getConstructorArgumentValues().addIndexedArgumentValue(1, schema);
        return definition;
    }

}
