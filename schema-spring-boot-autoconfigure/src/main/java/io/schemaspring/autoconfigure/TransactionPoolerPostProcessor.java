package io.schemaspring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;

/**
 * Applies {@link TransactionPoolerSettings} to the application's HikariCP pools once
 * their properties are bound and before the pool starts: ordered, so that it runs before
 * the replica routing wraps (and first connects) the data source.
 */
final class TransactionPoolerPostProcessor implements BeanPostProcessor, Ordered {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            try {
                if (dataSource.isWrapperFor(HikariDataSource.class)) {
                    TransactionPoolerSettings.apply(dataSource.unwrap(HikariDataSource.class), "spring.datasource");
                }
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Could not reach the HikariCP pool of DataSource '" + beanName + "'",
                        ex);
            }
        }
        return bean;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
