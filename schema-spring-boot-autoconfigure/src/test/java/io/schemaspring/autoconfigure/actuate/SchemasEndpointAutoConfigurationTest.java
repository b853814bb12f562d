package io.schemaspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.autoconfigure.SchemaAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SchemasEndpointAutoConfigurationTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SchemaAutoConfiguration.class, SchemasEndpointAutoConfiguration.class))
        .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.club");

    @Test
    void registersTheEndpointWhenExposed() {
        this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=schemas")
            .run(context -> assertThat(context).hasSingleBean(SchemasEndpoint.class));
    }

    @Test
    void registersNoEndpointWhenNotExposed() {
        this.contextRunner.run(context -> assertThat(context).doesNotHaveBean(SchemasEndpoint.class));
    }

    @Test
    void registersNoEndpointWithoutActuator() {
        this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=schemas")
            .withClassLoader(new FilteredClassLoader(Endpoint.class))
            .run(context -> assertThat(context).doesNotHaveBean(SchemasEndpoint.class));
    }

    @Test
    void backsOffWhenUserDefinesTheEndpoint() {
        this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=schemas")
            .withBean("customSchemasEndpoint", SchemasEndpoint.class,
                    () -> new SchemasEndpoint(io.schemaspring.metadata.SchemaRegistry.builder().build()))
            .run(context -> assertThat(context).hasSingleBean(SchemasEndpoint.class).hasBean("customSchemasEndpoint"));
    }

}
