package io.schemaspring.autoconfigure;

import io.schemaspring.jackson.SchemaJacksonModule;
import io.schemaspring.metadata.SchemaRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers the Jackson module that writes schema structs (redacted fields left out,
 * loaded associations only).
 */
@AutoConfiguration(after = SchemaAutoConfiguration.class, before = JacksonAutoConfiguration.class)
@ConditionalOnClass({ JacksonAutoConfiguration.class, SchemaJacksonModule.class })
public final class SchemaJacksonAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SchemaJacksonModule schemaJacksonModule(SchemaRegistry registry) {
        return new SchemaJacksonModule(registry);
    }

}
