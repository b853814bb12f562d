package io.schemaspring.autoconfigure;

import io.schemaspring.annotation.FieldSourceMapper;
import io.schemaspring.changeset.Changesets;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.SchemaSettings;
import io.schemaspring.type.SchemaType;
import io.schemaspring.type.SchemaTypeContributor;
import io.schemaspring.type.SchemaTypes;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Registers the {@link SchemaRegistry}: every {@code @Schema} and {@code @EmbeddedSchema}
 * class below {@code schema.packages} (default: the application's package), validated at
 * start-up, with the application's custom types from {@link SchemaType} and
 * {@link SchemaTypeContributor} beans.
 */
@AutoConfiguration
@EnableConfigurationProperties(SchemaProperties.class)
public final class SchemaAutoConfiguration {

    private static final Log logger = LogFactory.getLog(SchemaAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    SchemaRegistry schemaRegistry(SchemaProperties properties, BeanFactory beanFactory,
            ObjectProvider<FieldSourceMapper> fieldSourceMapper, ObjectProvider<SchemaType<?>> schemaTypes,
            ObjectProvider<SchemaTypeContributor> typeContributors) {
        List<String> packages = SchemaPackages.resolve(properties, beanFactory);
        SchemaSettings settings = SchemaSettingsMapper.toSettings(properties, fieldSourceMapper.getIfAvailable());
        SchemaRegistry registry = SchemaRegistry.builder()
            .settings(settings)
            .types(applicationTypes(schemaTypes, typeContributors))
            .generatorBeans(type -> beanFactory.getBeanProvider(type).getIfUnique())
            .classLoader(
                    beanFactory instanceof org.springframework.beans.factory.config.ConfigurableBeanFactory configurable
                            ? configurable.getBeanClassLoader() : null)
            .scan(packages.toArray(String[]::new))
            .build();
        long embedded = registry.all().stream().filter(SchemaMetadata::embedded).count();
        logger.info("Registered " + registry.all().size() + " schemas (" + embedded + " embedded) from packages "
                + packages);
        return registry;
    }

    @Bean
    @ConditionalOnMissingBean
    Changesets changesets(SchemaRegistry registry) {
        return new Changesets(registry);
    }

    /**
     * Every {@link SchemaType} bean, then every contributor, in order: a later mapping of
     * a Java type wins.
     */
    private static SchemaTypes applicationTypes(ObjectProvider<SchemaType<?>> schemaTypes,
            ObjectProvider<SchemaTypeContributor> typeContributors) {
        SchemaTypes.Builder types = SchemaTypes.builder();
        schemaTypes.orderedStream().forEach(types::add);
        typeContributors.orderedStream().forEach(contributor -> contributor.contribute(types));
        return types.build();
    }

}
