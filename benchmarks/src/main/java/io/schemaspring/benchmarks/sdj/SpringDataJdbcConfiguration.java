package io.schemaspring.benchmarks.sdj;

import io.schemaspring.benchmarks.plain.Profile;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.NamingStrategy;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.repository.config.AbstractJdbcConfiguration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = Repositories.class, considerNestedRepositories = true)
public class SpringDataJdbcConfiguration extends AbstractJdbcConfiguration {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Rows per fetch, as {@code spring.jdbc.template.fetch-size} sets it; registered for
     * the streaming benchmark only.
     */
    public record FetchSize(int rows) {
    }

    /**
     * The driver's default fetch size, or the registered one: PostgreSQL streams through
     * a cursor only with one.
     */
    @Bean
    NamedParameterJdbcOperations namedParameterJdbcOperations(DataSource dataSource,
            ObjectProvider<FetchSize> fetchSize) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        fetchSize.ifAvailable(size -> jdbc.setFetchSize(size.rows()));
        return new NamedParameterJdbcTemplate(jdbc);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    /**
     * Table names are written in lower case here; unquoted, every database finds them.
     */
    @Override
    public JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
            JdbcCustomConversions customConversions, RelationalManagedTypes managedTypes) {
        JdbcMappingContext context = super.jdbcMappingContext(namingStrategy, customConversions, managedTypes);
        context.setForceQuote(false);
        return context;
    }

    @Override
    protected List<?> userConverters() {
        return List.of(new AddressWriter(), new AddressReader());
    }

    @WritingConverter
    static class AddressWriter implements Converter<Profile.Address, String> {

        @Override
        public String convert(Profile.Address source) {
            return JSON.writeValueAsString(source);
        }

    }

    @ReadingConverter
    static class AddressReader implements Converter<String, Profile.Address> {

        @Override
        public Profile.Address convert(String source) {
            return JSON.readValue(source, Profile.Address.class);
        }

    }

}
