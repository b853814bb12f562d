package io.schemaspring.autoconfigure;

import io.schemaspring.ddl.SchemaDdl;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.web.CastDeclarations;
import io.schemaspring.web.CastingBinderAdvice;
import io.schemaspring.web.ChangesetArgumentResolver;
import io.schemaspring.web.RequestParams;
import io.schemaspring.web.SchemaProblemHandler;
import io.schemaspring.web.VersionETagAdvice;
import io.schemaspring.web.idempotency.IdempotencyFilter;
import io.schemaspring.web.idempotency.IdempotencyRecord;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Web casting for servlet applications: the casting binder for schema
 * {@code @ModelAttribute}s, {@code @Cast Changeset<T>} arguments and problem responses.
 * Off with {@code schema.web.enabled=false}.
 */
@AutoConfiguration(after = { SchemaRepositoryAutoConfiguration.class, WebMvcAutoConfiguration.class },
        afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ChangesetArgumentResolver.class })
@ConditionalOnBooleanProperty(name = "schema.web.enabled", matchIfMissing = true)
public final class SchemaWebMvcAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CastingBinderAdvice castingBinderAdvice(SchemaRegistry registry) {
        return new CastingBinderAdvice(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    SchemaProblemHandler schemaProblemHandler(SchemaRegistry registry, MessageSource messageSource,
            ObjectProvider<Dialect> dialect) {
        return new SchemaProblemHandler(registry, messageSource, dialect.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean
    VersionETagAdvice versionETagAdvice(SchemaRegistry registry) {
        return new VersionETagAdvice(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    ChangesetArgumentResolver changesetArgumentResolver(SchemaRegistry registry, ObjectProvider<Repo> repo,
            SchemaProperties properties) {
        return new ChangesetArgumentResolver(registry, repo, new RequestParams(
                properties.getWeb().getMaxPayloadSize().toBytes(), properties.getWeb().getMaxDepth()));
    }

    @Bean
    WebMvcConfigurer schemaWebMvcConfigurer(ChangesetArgumentResolver changesetArgumentResolver) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(changesetArgumentResolver);
            }
        };
    }

    @Bean
    SmartInitializingSingleton castDeclarationsCheck(ObjectProvider<RequestMappingHandlerMapping> mappings,
            SchemaRegistry registry) {
        return () -> mappings.orderedStream().forEach(mapping -> CastDeclarations.validate(mapping, registry));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "schema.web.idempotency.enabled")
    @ConditionalOnBean({ JdbcTemplate.class, Dialect.class, PlatformTransactionManager.class })
    static class IdempotencyConfiguration {

        static final int IDEMPOTENCY_FILTER_ORDER = -90;

        /**
         * After read-your-writes, so that the position is read once the write's
         * transaction has committed, and after Spring Security's filter chain (-100), so
         * that a stored outcome is replayed only to a request that passed it, and the
         * user is part of the fingerprint.
         */
        @Bean
        FilterRegistrationBean<IdempotencyFilter> schemaIdempotencyFilter(JdbcTemplate jdbc, Dialect dialect,
                PlatformTransactionManager transactions, SchemaProperties properties) {
            SchemaProperties.Web.Idempotency idempotency = properties.getWeb().getIdempotency();
            if (idempotency.getRetention().isNegative() || idempotency.getRetention().isZero()) {
                throw new IllegalStateException("schema.web.idempotency.retention must be positive, was "
                        + idempotency.getRetention() + ": outcomes are replayed for that long");
            }
            createTableUnlessThere(jdbc, dialect);
            FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                    new IdempotencyFilter(jdbc, dialect, transactions, idempotency.getRetention(),
                            properties.getWeb().getMaxPayloadSize().toBytes()));
            registration.setOrder(IDEMPOTENCY_FILTER_ORDER);
            return registration;
        }

        private static void createTableUnlessThere(JdbcTemplate jdbc, Dialect dialect) {
            SchemaMetadata table = IdempotencyRecord.REGISTRY.get(IdempotencyRecord.class);
            try {
                jdbc.queryForList("SELECT 1 FROM " + SchemaDdl.tableName(table, dialect) + " WHERE 1 = 0");
            }
            catch (DataAccessException missing) {
                jdbc.execute(SchemaDdl.createTable(IdempotencyRecord.REGISTRY, table, dialect));
            }
        }

    }

}
