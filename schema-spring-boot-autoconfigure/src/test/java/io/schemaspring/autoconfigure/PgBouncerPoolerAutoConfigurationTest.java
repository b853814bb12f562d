package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.autoconfigure.fixtures.replica.Tally;
import io.schemaspring.repo.Repo;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code schema.pooler} against the real PgBouncer in transaction pooling mode that
 * {@code .ci/run} starts on 6432 in front of the primary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBouncerPoolerAutoConfigurationTest {

    private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
            DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
            SchemaAutoConfiguration.class, SchemaPoolerAutoConfiguration.class, SchemaReplicaAutoConfiguration.class,
            SchemaRepositoryAutoConfiguration.class);

    private final ApplicationContextRunner throughPgBouncer = new ApplicationContextRunner()
        .withConfiguration(AUTO_CONFIGURATIONS)
        .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.replica",
                "spring.datasource.url=" + PgBouncer.URL, "spring.datasource.username=postgres");

    private final JdbcTemplate primary = new JdbcTemplate(
            new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    ReplicaCluster.PRIMARY_URL + "?user=postgres"));

    @BeforeAll
    void createTables() {
        PgBouncer.require();
        ScaleTables.create(this.primary);
    }

    @AfterAll
    void dropTables() {
        ScaleTables.drop(this.primary);
    }

    @BeforeEach
    void startEmpty() {
        this.primary.update("DELETE FROM scale_tallies");
    }

    @Test
    void aPoolerFoundWithStatementsPreparedOnTheServerStopsStartUpWithTheFix() {
        this.throughPgBouncer.run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageMatching(
                    "PostgreSQL is reached through a connection pooler \\(the driver was handed process id -?\\d+, the "
                            + "statements run in server process \\d+\\), and the driver prepares statements on the server "
                            + "\\(prepareThreshold=5\\), which a pooler in transaction mode hands to other clients: "
                            + "statements fail, and a failed ROLLBACK leaves the next request inside another's transaction. "
                            + "Set schema.pooler=transaction \\(the starter then sets prepareThreshold=0 and checks the "
                            + "other settings\\), or schema.pooler=session if the pooler gives each client a server "
                            + "connection of its own");
        });
    }

    @Test
    void theSameSettingsStraightToPostgresStartUp() {
        this.throughPgBouncer.withPropertyValues("spring.datasource.url=" + ReplicaCluster.PRIMARY_URL)
            .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void startupOptionsThePoolerRefusesStopStartUpWithTheFix() {
        this.throughPgBouncer
            .withPropertyValues("schema.pooler=session",
                    "spring.datasource.hikari.data-source-properties.options=-c statement_timeout=10s")
            .run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new PoolerRefusedOptionsFailureAnalyzer()
                    .analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).isEqualTo("PostgreSQL is reached through a connection pooler "
                        + "that refused the connection (FATAL: unsupported startup parameter: options): poolers "
                        + "such as PgBouncer take no startup options.");
                assertThat(analysis.getAction()).isEqualTo("Remove options from spring.datasource.url and "
                        + "spring.datasource.hikari.data-source-properties, and set the timeouts where they survive "
                        + "pooling, with ALTER ROLE <user> SET statement_timeout = '10s' on the server, or "
                        + "spring.jdbc.template.query-timeout");
            });
    }

    @Test
    void anotherRefusedStartupParameterIsNamedWithItsOwnFix() {
        this.throughPgBouncer
            .withPropertyValues("schema.pooler=session",
                    "spring.datasource.url=" + PgBouncer.URL + "?currentSchema=blog")
            .run(context -> {
                assertThat(context).hasFailed();
                FailureAnalysis analysis = new PoolerRefusedOptionsFailureAnalyzer()
                    .analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).isEqualTo("PostgreSQL is reached through a connection pooler "
                        + "that refused the connection (FATAL: unsupported startup parameter: search_path): the "
                        + "driver sent the startup parameter search_path, which the pooler does not know.");
                assertThat(analysis.getAction()).startsWith("Remove currentSchema from the JDBC URL");
            });
    }

    @Test
    void transactionModeRefusesStartupOptionsBeforeConnecting() {
        this.throughPgBouncer
            .withPropertyValues("schema.pooler=transaction",
                    "spring.datasource.hikari.data-source-properties.options=-c statement_timeout=10s")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessage("schema.pooler=transaction, but "
                            + "spring.datasource.hikari.data-source-properties.options sets the startup options "
                            + "'-c statement_timeout=10s', which a transaction pooler such as PgBouncer refuses "
                            + "(unsupported startup parameter) or drops: remove them, and set the timeouts where they "
                            + "survive pooling, with ALTER ROLE <user> SET statement_timeout = '10s' on the server, or "
                            + "spring.jdbc.template.query-timeout");
            });
    }

    @Test
    void transactionModeRefusesAPrepareThresholdInTheUrl() {
        this.throughPgBouncer
            .withPropertyValues("schema.pooler=transaction",
                    "spring.datasource.url=" + PgBouncer.URL + "?prepareThreshold=3")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .hasMessage("schema.pooler=transaction, but "
                            + "spring.datasource.url sets prepareThreshold=3: statements prepared on the server outlive "
                            + "the transaction on a connection the pooler hands to other clients. Remove it (the "
                            + "starter sets prepareThreshold=0)");
            });
    }

    @Test
    void transactionModeTurnsServerSidePreparedStatementsOff() {
        this.throughPgBouncer.withPropertyValues("schema.pooler=transaction").run(context -> {
            assertThat(context).hasNotFailed();
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(connection.unwrap(PGConnection.class).getPrepareThreshold()).isZero();
            }
        });
    }

    @Test
    void aQueryTimeoutSurvivesPoolingAndLeavesTheConnectionUsable() {
        this.throughPgBouncer
            .withPropertyValues("schema.pooler=transaction", "spring.jdbc.template.query-timeout=1s",
                    "spring.datasource.hikari.maximum-pool-size=1")
            .run(context -> {
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                assertThatThrownBy(() -> jdbc.queryForObject("SELECT pg_sleep(5)", Object.class))
                    .isInstanceOf(QueryTimeoutException.class);
                assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
            });
    }

    @Test
    void everyAcknowledgedWriteOfTwentyConcurrentClientsIsThereAfterwards() {
        this.throughPgBouncer
            .withPropertyValues("schema.pooler=transaction", "spring.datasource.hikari.maximum-pool-size=20")
            .run(context -> {
                Repo repo = context.getBean(Repo.class);
                TransactionTemplate transaction = new TransactionTemplate(
                        context.getBean(PlatformTransactionManager.class));
                ExecutorService clients = Executors.newFixedThreadPool(20);
                try {
                    List<Future<List<String>>> acknowledged = new ArrayList<>();
                    for (int client = 0; client < 20; client++) {
                        int id = client;
                        acknowledged.add(clients.submit(() -> writes(repo, transaction, id)));
                    }
                    List<String> names = new ArrayList<>();
                    for (Future<List<String>> written : acknowledged) {
                        names.addAll(written.get(120, TimeUnit.SECONDS));
                    }
                    assertThat(names).hasSize(20 * 25);
                    assertThat(this.primary.queryForList("SELECT name FROM scale_tallies WHERE hits = 1", String.class))
                        .containsExactlyInAnyOrderElementsOf(names);
                    assertThat(this.primary.queryForObject("SELECT count(*) FROM scale_tallies", Integer.class))
                        .isEqualTo(20 * 25);
                }
                finally {
                    clients.shutdownNow();
                }
            });
    }

    /**
     * One client's writes: each insert and its update in one transaction, every one
     * acknowledged.
     */
    private static List<String> writes(Repo repo, TransactionTemplate transaction, int client) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String name = "client-" + client + "-" + i;
            transaction.executeWithoutResult(status -> {
                Tally tally = repo.insert(Tally.named(name));
                tally.hits = 1;
                repo.update(tally);
            });
            names.add(name);
        }
        return names;
    }

}
