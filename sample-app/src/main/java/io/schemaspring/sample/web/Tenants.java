package io.schemaspring.sample.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The database schemas served as tenants under {@code /api/tenants/{tenant}}.
 *
 * @param tenants the schema names, each holding its own copy of the blog's tables
 */
@ConfigurationProperties("blog")
public record Tenants(List<String> tenants) {

    public boolean contains(String tenant) {
        return this.tenants != null && this.tenants.contains(tenant);
    }
}
