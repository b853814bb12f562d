package io.schemaspring.autoconfigure;

import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;

/**
 * The packages scanned for schemas and repositories: {@code schema.packages}, else the
 * application's package.
 */
final class SchemaPackages {

    private SchemaPackages() {
    }

    static List<String> resolve(SchemaProperties properties, BeanFactory beanFactory) {
        if (!properties.getPackages().isEmpty()) {
            return properties.getPackages();
        }
        if (AutoConfigurationPackages.has(beanFactory)) {
            return AutoConfigurationPackages.get(beanFactory);
        }
        return List.of();
    }

}
