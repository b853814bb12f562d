package io.schemaspring.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.log.StatementLog;
import io.schemaspring.repo.observation.RepoObservationConvention;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link Repo} on the application's {@link DataSource}, and a
 * {@code SchemaRepository<T, ID>} bean for every schema (or the user's interface
 * extending it).
 */
@AutoConfiguration(
        after = { SchemaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class },
        afterName = { "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration" })
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnSingleCandidate(DataSource.class)
public final class SchemaRepositoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Dialect schemaDialect(DataSource dataSource) {
        return DialectResolver.resolve(dataSource);
    }

    /**
     * Embeds and maps are stored with a JSON mapper of the starter's own, so that the
     * stored format never follows settings made for HTTP payloads. Operations are
     * observed when the application has an {@link ObservationRegistry} (Boot's, with
     * actuator), with the user's {@link RepoObservationConvention} if one is declared.
     */
    @Bean
    @ConditionalOnMissingBean
    Repo schemaRepo(SchemaRegistry registry, DataSource dataSource, Dialect dialect,
            ObjectProvider<JdbcTemplate> jdbcTemplate, ObjectProvider<PlatformTransactionManager> transactionManager,
            ObjectProvider<Clock> clock, ObjectProvider<ObservationRegistry> observationRegistry,
            ObjectProvider<RepoObservationConvention> observationConvention, SchemaProperties properties) {
        JdbcTemplate jdbc = jdbcTemplate.getIfUnique(() -> new JdbcTemplate(dataSource));
        StatementLog log = new StatementLog(properties.getLog().getLevel(),
                properties.getLog().getSlowStatementThreshold());
        Repo repo = new Repo(registry, log.active() ? logged(jdbc, log) : jdbc, dialect, JsonMapper.builder().build(),
                transactionManager.getIfUnique(() -> new DataSourceTransactionManager(dataSource)),
                clock.getIfUnique(Clock::systemUTC));
        observationRegistry.ifUnique(repo::setObservationRegistry);
        observationConvention.ifUnique(repo::setObservationConvention);
        return repo;
    }

    /**
     * The application's {@code JdbcTemplate} settings on a data source whose statements
     * the log writes, in the transactions of the original.
     */
    private static JdbcTemplate logged(JdbcTemplate jdbc, StatementLog log) {
        JdbcTemplate logged = new JdbcTemplate(log.wrap(jdbc.getDataSource()));
        logged.setExceptionTranslator(jdbc.getExceptionTranslator());
        logged.setFetchSize(jdbc.getFetchSize());
        logged.setMaxRows(jdbc.getMaxRows());
        logged.setQueryTimeout(jdbc.getQueryTimeout());
        logged.setIgnoreWarnings(jdbc.isIgnoreWarnings());
        logged.setSkipResultsProcessing(jdbc.isSkipResultsProcessing());
        logged.setSkipUndeclaredResults(jdbc.isSkipUndeclaredResults());
        logged.setResultsMapCaseInsensitive(jdbc.isResultsMapCaseInsensitive());
        return logged;
    }

    /**
     * Validates the database against the schemas ({@code schema.validation.mode}) once
     * every singleton exists, so after Flyway's and Liquibase's migrations and the
     * DataSource initialization.
     */
    @Bean
    @ConditionalOnMissingBean
    SchemaValidationRunner schemaValidationRunner(SchemaRegistry registry, DataSource dataSource, Dialect dialect,
            SchemaProperties properties) {
        return new SchemaValidationRunner(registry, dataSource, dialect, properties.getValidation().getMode());
    }

    @Bean
    static SchemaRepositoriesRegistrar schemaRepositoriesRegistrar(Environment environment) {
        return new SchemaRepositoriesRegistrar(environment);
    }

}
