package io.schemaspring.autoconfigure;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A connection pooler in front of PostgreSQL ({@code schema.pooler}): the driver set up
 * for a pooler in transaction mode, and start-up refused when a pooler is found with
 * settings that lose work behind it.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "org.postgresql.PGConnection")
public final class SchemaPoolerAutoConfiguration {

    @Bean
    static PoolerCheck schemaPoolerCheck(ObjectProvider<DataSource> dataSources, Environment environment) {
        return new PoolerCheck(dataSources, pooler(environment));
    }

    static SchemaProperties.Pooler pooler(Environment environment) {
        return Binder.get(environment)
            .bind("schema.pooler", SchemaProperties.Pooler.class)
            .orElse(SchemaProperties.Pooler.NONE);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "com.zaxxer.hikari.HikariDataSource")
    @ConditionalOnProperty(name = "schema.pooler", havingValue = "transaction")
    static class TransactionPoolerConfiguration {

        @Bean
        static TransactionPoolerPostProcessor schemaTransactionPoolerPostProcessor() {
            return new TransactionPoolerPostProcessor();
        }

    }

}
