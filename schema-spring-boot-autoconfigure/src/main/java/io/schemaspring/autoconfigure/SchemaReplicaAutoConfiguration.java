package io.schemaspring.autoconfigure;

import io.schemaspring.repo.routing.ReplicaRoutingDataSource;
import io.schemaspring.web.ReadYourWritesFilter;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Read replicas ({@code schema.replicas.nodes}): the application's data source routes
 * reads to them, and in a servlet application each client reads its own writes
 * ({@code schema.replicas.read-your-writes=client}, the default).
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class,
        before = { JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                SchemaRepositoryAutoConfiguration.class })
@Conditional(OnReplicasCondition.class)
public final class SchemaReplicaAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
    static class ReplicaPoolsConfiguration {

        @Bean
        static ReplicaDataSourcePostProcessor schemaReplicaDataSourcePostProcessor(Environment environment) {
            return new ReplicaDataSourcePostProcessor(environment);
        }

    }

    /**
     * Replicas are HikariCP pools: without HikariCP, say so instead of ignoring
     * {@code schema.replicas}.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("com.zaxxer.hikari.HikariDataSource")
    static class MissingHikariConfiguration {

        @Bean
        static Object schemaReplicasNeedHikari() {
            throw new IllegalStateException("schema.replicas.nodes is set, but HikariCP is not on the classpath: the "
                    + "replicas' pools are HikariCP pools. Add com.zaxxer:HikariCP (spring-boot-starter-jdbc brings it), "
                    + "or remove schema.replicas");
        }

    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({ ReadYourWritesFilter.class, FilterRegistrationBean.class })
    @Conditional(OnReadYourWritesCondition.class)
    static class ReadYourWritesConfiguration {

        /**
         * Early in the chain, so that whatever the request does later reads its own
         * writes.
         */
        @Bean
        FilterRegistrationBean<ReadYourWritesFilter> schemaReadYourWritesFilter(DataSource dataSource,
                Environment environment) throws SQLException {
            SchemaProperties.ReadYourWrites mode = Binder.get(environment)
                .bind("schema.replicas.read-your-writes", SchemaProperties.ReadYourWrites.class)
                .orElse(SchemaProperties.ReadYourWrites.CLIENT);
            ReadYourWritesFilter filter = mode == SchemaProperties.ReadYourWrites.CLIENT
                    && dataSource.isWrapperFor(ReplicaRoutingDataSource.class)
                            ? new ReadYourWritesFilter(dataSource.unwrap(ReplicaRoutingDataSource.class))
                            : new ReadYourWritesFilter();
            FilterRegistrationBean<ReadYourWritesFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
            return registration;
        }

    }

    /** Read-your-writes is on unless {@code schema.replicas.read-your-writes=none}. */
    static final class OnReadYourWritesCondition extends NoneNestedConditions {

        OnReadYourWritesCondition() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "schema.replicas.read-your-writes", havingValue = "none")
        static final class TurnedOff {

        }

    }

}
