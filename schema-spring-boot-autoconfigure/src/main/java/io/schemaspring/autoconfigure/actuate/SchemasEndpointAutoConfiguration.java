package io.schemaspring.autoconfigure.actuate;

import io.schemaspring.autoconfigure.SchemaAutoConfiguration;
import io.schemaspring.metadata.SchemaRegistry;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link SchemasEndpoint} when actuator is on the classpath and the endpoint is
 * enabled and exposed.
 */
@AutoConfiguration(after = SchemaAutoConfiguration.class)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(SchemasEndpoint.class)
public final class SchemasEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(SchemaRegistry.class)
    SchemasEndpoint schemasEndpoint(SchemaRegistry registry) {
        return new SchemasEndpoint(registry);
    }

}
