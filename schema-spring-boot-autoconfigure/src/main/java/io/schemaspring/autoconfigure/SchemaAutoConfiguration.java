package io.schemaspring.autoconfigure;

import io.schemaspring.annotation.FieldSourceMapper;
import io.schemaspring.changeset.Changesets;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.SchemaSettings;
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
 * Registers the {@link SchemaRegistry}: every {@code @Schema} and {@code @EmbeddedSchema} class
 * below {@code schema.packages} (default: the application's package), validated at start-up.
 */
@AutoConfiguration
@EnableConfigurationProperties(SchemaProperties.class)
public final class SchemaAutoConfiguration {

    private static final Log logger = LogFactory.getLog(SchemaAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    SchemaRegistry schemaRegistry(SchemaProperties properties, BeanFactory beanFactory,
            ObjectProvider<FieldSourceMapper> fieldSourceMapper) {
        List<String> packages = SchemaPackages.resolve(properties, beanFactory);
        SchemaSettings settings = SchemaSettingsMapper.toSettings(properties, fieldSourceMapper.getIfAvailable());
        SchemaRegistry registry = SchemaRegistry.builder()
                .settings(settings)
                .classLoader(beanFactory instanceof org.springframework.beans.factory.config.ConfigurableBeanFactory configurable
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
}
