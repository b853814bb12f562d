package io.schemaspring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.schemaspring.repo.routing.ReplicaRoutingDataSource;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Puts the application's {@link DataSource} (the only one, or the one named
 * {@code dataSource}) behind a {@link ReplicaRoutingDataSource} over a HikariCP pool per
 * {@code schema.replicas.nodes} entry, so that JdbcTemplate, the transaction manager and
 * the repositories all route. Start-up fails when replicas are set and no data source was
 * routed.
 */
final class ReplicaDataSourcePostProcessor implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton {

    private final SchemaProperties.Replicas replicas;

    private final Binder binder;

    private final SchemaProperties.Pooler pooler;

    private ListableBeanFactory beanFactory;

    private String routed;

    ReplicaDataSourcePostProcessor(Environment environment) {
        this.binder = Binder.get(environment);
        this.replicas = this.binder.bind("schema.replicas", SchemaProperties.Replicas.class)
            .orElseGet(SchemaProperties.Replicas::new);
        this.pooler = SchemaPoolerAutoConfiguration.pooler(environment);
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ListableBeanFactory) beanFactory;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
        if (bean instanceof DataSource dataSource && this.routed == null && routes(beanName) && !routing(dataSource)) {
            this.routed = beanName;
            return ReplicaRoutingDataSource.create(dataSource, replicaPools(), this.replicas.getRetryAfter());
        }
        return bean;
    }

    /**
     * Checks the bean definitions, not the instances, so that a lazily initialized data
     * source passes.
     */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> names = List.of(this.beanFactory.getBeanNamesForType(DataSource.class, true, false));
        if (names.size() != 1 && !names.contains("dataSource")) {
            throw new IllegalStateException("schema.replicas.nodes is set, but no DataSource can be routed to the "
                    + "replicas: the starter routes the only DataSource bean, or the one named 'dataSource'; found "
                    + names + ". Name the primary DataSource bean 'dataSource', or remove schema.replicas");
        }
    }

    private boolean routes(String beanName) {
        return "dataSource".equals(beanName)
                || this.beanFactory.getBeanNamesForType(DataSource.class, true, false).length == 1;
    }

    private static boolean routing(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(ReplicaRoutingDataSource.class);
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private Map<String, DataSource> replicaPools() {
        if (this.replicas.getRetryAfter().isNegative() || this.replicas.getRetryAfter().isZero()) {
            throw new IllegalStateException("schema.replicas.retry-after must be positive, was "
                    + this.replicas.getRetryAfter() + ": a replica that gave no connection is left alone that long");
        }
        String username = this.binder.bind("spring.datasource.username", String.class).orElse(null);
        String password = this.binder.bind("spring.datasource.password", String.class).orElse(null);
        Map<String, DataSource> pools = new LinkedHashMap<>();
        List<SchemaProperties.Replicas.Node> nodes = this.replicas.getNodes();
        for (int i = 0; i < nodes.size(); i++) {
            SchemaProperties.Replicas.Node node = nodes.get(i);
            String name = StringUtils.hasText(node.getName()) ? node.getName() : "replica-" + (i + 1);
            if (!StringUtils.hasText(node.getUrl())) {
                throw new IllegalStateException("schema.replicas.nodes[" + i + "].url is not set: give the JDBC URL of "
                        + "replica '" + name + "'");
            }
            if (pools.containsKey(name) || ReplicaRoutingDataSource.PRIMARY.equals(name)) {
                throw new IllegalStateException("schema.replicas.nodes[" + i + "].name '" + name + "' is used twice "
                        + "(or is the primary's): give each replica a name of its own");
            }
            HikariDataSource pool = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .url(node.getUrl())
                .username(node.getUsername() != null ? node.getUsername() : username)
                .password(node.getPassword() != null ? node.getPassword() : password)
                .build();
            pool.setPoolName("schema-" + name);
            pool.setReadOnly(true);
            pool.setConnectionTimeout(this.replicas.getConnectionTimeout().toMillis());
            pool.setMaximumPoolSize(this.replicas.getMaximumPoolSize());
            // A replica that is down at start-up must not stop the application: its reads
            // go to the primary.
            pool.setInitializationFailTimeout(-1);
            if (this.pooler == SchemaProperties.Pooler.TRANSACTION) {
                TransactionPoolerSettings.apply(pool, "schema.replicas.nodes[" + i + "]");
            }
            pools.put(name, pool);
        }
        return pools;
    }

}
