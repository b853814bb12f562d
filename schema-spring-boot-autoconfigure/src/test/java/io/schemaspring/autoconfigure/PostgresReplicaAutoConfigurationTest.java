package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.schemaspring.autoconfigure.fixtures.replica.ServedByRepository;
import io.schemaspring.autoconfigure.fixtures.replica.Tally;
import io.schemaspring.autoconfigure.fixtures.replica.TallyRepository;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.routing.ReadRouting;
import io.schemaspring.repo.routing.ReplicaRoutingDataSource;
import io.schemaspring.web.ReadYourWritesFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code schema.replicas} against the real streaming replica that {@code .ci/run} starts:
 * the application's data source routes reads to the replica ({@code pg_is_in_recovery()}
 * answers true there only), writes to the primary, and reads go on through the primary
 * while the replica is stopped half-way through a test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReplicaAutoConfigurationTest {

    private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
            DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
            SchemaAutoConfiguration.class, SchemaReplicaAutoConfiguration.class,
            SchemaRepositoryAutoConfiguration.class);

    private static final String[] PROPERTIES = { "schema.packages=io.schemaspring.autoconfigure.fixtures.replica",
            "spring.datasource.url=" + ReplicaCluster.PRIMARY_URL, "spring.datasource.username=postgres",
            "schema.replicas.nodes[0].url=" + ReplicaCluster.REPLICA_URL, "schema.replicas.connection-timeout=500ms",
            "schema.replicas.retry-after=1s" };

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AUTO_CONFIGURATIONS)
        .withPropertyValues(PROPERTIES);

    private ReplicaCluster cluster;

    @BeforeAll
    void createTables() {
        this.cluster = ReplicaCluster.require();
        ScaleTables.create(this.cluster.primary);
        this.cluster.awaitOnReplica("SELECT count(*) FROM pg_views WHERE viewname = 'scale_served_by'", 1);
    }

    @AfterAll
    void dropTables() {
        if (this.cluster != null) {
            ScaleTables.drop(this.cluster.primary);
        }
    }

    @BeforeEach
    void startEmpty() {
        this.cluster.primary.update("DELETE FROM scale_tallies");
    }

    private static boolean servedByReplica(ApplicationContext context) {
        return context.getBean(ServedByRepository.class).findById(1L).orElseThrow().inRecovery;
    }

    @Test
    void readsGoToTheReplicaAndWritesToThePrimary() {
        this.contextRunner.run(context -> {
            DataSource dataSource = context.getBean(DataSource.class);
            assertThat(dataSource.isWrapperFor(ReplicaRoutingDataSource.class)).isTrue();
            assertThat(dataSource.unwrap(HikariDataSource.class).getPoolName()).startsWith("HikariPool");
            Tally saved = context.getBean(TallyRepository.class).save(Tally.named("writes"));

            assertThat(this.cluster.primary.queryForObject("SELECT name FROM scale_tallies WHERE id = ?", String.class,
                    saved.id))
                .isEqualTo("writes");
            this.cluster.awaitOnReplica("SELECT count(*) FROM scale_tallies WHERE id = " + saved.id, 1);
            assertThat(servedByReplica(context)).isTrue();
            assertThat(context.getBean(TallyRepository.class).findByName("writes")).map(t -> t.id).contains(saved.id);
            assertThat(ReadRouting.onPrimary(() -> servedByReplica(context))).isFalse();
        });
    }

    @Test
    void readOnlyTransactionsGoToTheReplicaAndReadWriteOnesToThePrimary() {
        this.contextRunner.run(context -> {
            PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            TransactionTemplate readOnly = new TransactionTemplate(transactions);
            readOnly.setReadOnly(true);
            List<Boolean> inReadOnly = readOnly.execute(status -> List.of(servedByReplica(context),
                    jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)));
            List<Boolean> inReadWrite = new TransactionTemplate(transactions).execute(status -> List
                .of(servedByReplica(context), jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)));

            assertThat(inReadOnly).containsExactly(true, true);
            assertThat(inReadWrite).containsExactly(false, false);
            assertThat(jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)).isFalse();
        });
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void readsGoOnThroughThePrimaryWhileTheReplicaIsStoppedAndComeBackAfterwards(CapturedOutput output) {
        this.contextRunner.run(context -> {
            Repo repo = context.getBean(Repo.class);
            ReplicaRoutingDataSource routing = context.getBean(DataSource.class).unwrap(ReplicaRoutingDataSource.class);
            assertThat(servedByReplica(context)).isTrue();
            try {
                this.cluster.stopReplica();

                assertThat(servedByReplica(context)).isFalse();
                assertThat(routing.unavailableReplicas()).containsExactly("replica-1");
                Tally written = repo.insert(Tally.named("while down"));
                assertThat(repo.get(Tally.class, written.id)).map(t -> t.name).contains("while down");
                assertThat(servedByReplica(context)).isFalse();
                Thread.sleep(1100);
                assertThat(servedByReplica(context)).as("tried again after retry-after, still down").isFalse();
                assertThat(output.getAll()).as("said once, and never that it answers while it is down")
                    .containsOnlyOnce("Replica 'replica-1' gave no connection")
                    .doesNotContain("answers again");
            }
            finally {
                this.cluster.startReplica();
            }
            List<Boolean> answers = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!servedByReplica(context) && System.nanoTime() < deadline) {
                answers.add(false);
                Thread.sleep(100);
            }
            assertThat(servedByReplica(context)).as("reads back on the replica after " + answers.size() + " tries")
                .isTrue();
            assertThat(routing.unavailableReplicas()).isEmpty();
            assertThat(output.getAll()).containsOnlyOnce("Replica 'replica-1' answers again");
        });
    }

    @Test
    void startsWhileAReplicaIsUnreachableAndReadsFromThePrimary() {
        this.contextRunner
            .withPropertyValues("schema.replicas.nodes[0].url=jdbc:postgresql://127.0.0.1:5439/test",
                    "schema.replicas.nodes[0].name=unreachable")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(servedByReplica(context)).isFalse();
                assertThat(
                        context.getBean(DataSource.class).unwrap(ReplicaRoutingDataSource.class).unavailableReplicas())
                    .containsExactly("unreachable");
            });
    }

    @Test
    void eachReplicaHasAReadOnlyPoolOfItsOwn() {
        this.contextRunner
            .withPropertyValues("schema.replicas.nodes[1].url=" + ReplicaCluster.REPLICA_URL,
                    "schema.replicas.nodes[1].name=second", "schema.replicas.maximum-pool-size=3")
            .run(context -> {
                ReplicaRoutingDataSource routing = context.getBean(DataSource.class)
                    .unwrap(ReplicaRoutingDataSource.class);
                assertThat(routing.getResolvedDataSources()).containsOnlyKeys("primary", "replica-1", "second");
                HikariDataSource second = (HikariDataSource) routing.getResolvedDataSources().get("second");
                assertThat(List.of(second.getPoolName(), second.isReadOnly(), second.getMaximumPoolSize(),
                        second.getConnectionTimeout(), second.getUsername()))
                    .containsExactly("schema-second", true, 3, 500L, "postgres");
            });
    }

    @Test
    void theDatabaseHealthListsThePrimaryAndEachReplica() {
        this.contextRunner
            .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                    DataSourceHealthContributorAutoConfiguration.class))
            .run(context -> {
                CompositeHealthContributor db = context.getBean("dbHealthContributor",
                        CompositeHealthContributor.class);
                assertThat(db.stream().map(HealthContributors.Entry::name)).containsExactlyInAnyOrder("primary",
                        "replica-1");
                assertThat(((HealthIndicator) db.getContributor("replica-1")).health().getStatus())
                    .isEqualTo(Status.UP);
                assertThat(((HealthIndicator) db.getContributor("primary")).health().getStatus()).isEqualTo(Status.UP);
            });
    }

    @Test
    void aReplicaWithoutAUrlStopsStartUp() {
        this.contextRunner.withPropertyValues("schema.replicas.nodes[1].name=second").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessage("schema.replicas.nodes[1].url is not set: give the JDBC URL of replica 'second'");
        });
    }

    @Test
    void aRetryAfterOfZeroStopsStartUp() {
        this.contextRunner.withPropertyValues("schema.replicas.retry-after=0s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessage(
                        "schema.replicas.retry-after must be positive, was PT0S: a replica that gave no connection is left "
                                + "alone that long");
        });
    }

    @Test
    void replicasWithoutHikariStopStartUpSayingSo() {
        this.contextRunner.withClassLoader(new FilteredClassLoader(HikariDataSource.class)).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessage(
                        "schema.replicas.nodes is set, but HikariCP is not on the classpath: the replicas' pools are HikariCP "
                                + "pools. Add com.zaxxer:HikariCP (spring-boot-starter-jdbc brings it), or remove schema.replicas");
        });
    }

    @Test
    void withoutReplicasTheDataSourceIsLeftAlone() {
        new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.replica",
                    "spring.datasource.url=" + ReplicaCluster.PRIMARY_URL, "spring.datasource.username=postgres")
            .run(context -> {
                assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
                assertThat(context).doesNotHaveBean(ReplicaDataSourcePostProcessor.class);
                assertThat(servedByReplica(context)).isFalse();
            });
    }

    @Test
    void eachHttpRequestReadsItsOwnWritesFromThePrimary() {
        new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues(PROPERTIES)
            .run(context -> {
                ReadYourWritesFilter filter = context.getBean(FilterRegistrationBean.class)
                    .getFilter() instanceof ReadYourWritesFilter f ? f : null;
                assertThat(filter).isNotNull();
                Repo repo = context.getBean(Repo.class);
                List<Boolean> servedByReplica = new ArrayList<>();
                filter.doFilter(new MockHttpServletRequest("POST", "/tallies"), new MockHttpServletResponse(),
                        (request, response) -> {
                            servedByReplica.add(servedByReplica(context));
                            repo.insert(Tally.named("posted"));
                            servedByReplica.add(servedByReplica(context));
                            servedByReplica.add(repo.all(Tally.class).size() == 1);
                        });
                filter.doFilter(new MockHttpServletRequest("GET", "/tallies"), new MockHttpServletResponse(),
                        (request, response) -> servedByReplica.add(servedByReplica(context)));
                assertThat(servedByReplica).containsExactly(true, false, true, true);
            });
    }

    private static ReadYourWritesFilter readYourWritesFilter(ApplicationContext context) {
        return (ReadYourWritesFilter) context.getBean(FilterRegistrationBean.class).getFilter();
    }

    @Test
    void aClientReadsItsWritesInItsNextRequestsWhileTheReplicaLags() {
        new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues(PROPERTIES)
            .run(context -> {
                ReadYourWritesFilter filter = readYourWritesFilter(context);
                Repo repo = context.getBean(Repo.class);
                List<Object> seen = new ArrayList<>();
                MockHttpServletResponse posted = new MockHttpServletResponse();
                Tally[] written = new Tally[1];
                this.cluster.replica.execute("SELECT pg_wal_replay_pause()");
                try {
                    filter.doFilter(new MockHttpServletRequest("POST", "/tallies"), posted, (request, response) -> {
                        written[0] = repo.insert(Tally.named("posted"));
                        response.getWriter().write("created");
                        seen.add(((HttpServletResponse) response)
                            .getHeader(ReadYourWritesFilter.POSITION_HEADER) != null);
                    });
                    String position = posted.getHeader(ReadYourWritesFilter.POSITION_HEADER);
                    assertThat(position).matches("[0-9A-F]+/[0-9A-F]+");
                    assertThat(posted.getHeader("Set-Cookie"))
                        .isEqualTo("schema-position=" + position + "; Path=/; HttpOnly; SameSite=Lax");

                    MockHttpServletRequest withCookie = new MockHttpServletRequest("GET", "/tallies");
                    withCookie.setCookies(new Cookie(ReadYourWritesFilter.POSITION_COOKIE, position));
                    MockHttpServletResponse read = new MockHttpServletResponse();
                    filter.doFilter(withCookie, read, (request, response) -> {
                        seen.add(repo.get(Tally.class, written[0].id).map(t -> t.name).orElse("missing"));
                        seen.add(servedByReplica(context));
                    });
                    assertThat(read.getHeader(ReadYourWritesFilter.POSITION_HEADER)).as("reads hand out nothing")
                        .isNull();
                    filter.doFilter(new MockHttpServletRequest("GET", "/tallies"), new MockHttpServletResponse(),
                            (request, response) -> seen
                                .add(repo.get(Tally.class, written[0].id).map(t -> t.name).orElse("missing")));
                }
                finally {
                    this.cluster.replica.execute("SELECT pg_wal_replay_resume()");
                }
                this.cluster.awaitOnReplica("SELECT count(*) FROM scale_tallies WHERE id = " + written[0].id, 1);
                MockHttpServletRequest withHeader = new MockHttpServletRequest("GET", "/tallies");
                withHeader.addHeader(ReadYourWritesFilter.POSITION_HEADER,
                        posted.getHeader(ReadYourWritesFilter.POSITION_HEADER));
                filter.doFilter(withHeader, new MockHttpServletResponse(), (request, response) -> {
                    seen.add(repo.get(Tally.class, written[0].id).map(t -> t.name).orElse("missing"));
                    seen.add(servedByReplica(context));
                });
                assertThat(seen).containsExactly(true, "posted", false, "missing", "posted", true);
            });
    }

    @Test
    void aHandlerThatTakesTheWriterBeforeItWritesIsStillHandedThePosition() {
        new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues(PROPERTIES)
            .run(context -> {
                MockHttpServletResponse posted = new MockHttpServletResponse();
                readYourWritesFilter(context).doFilter(new MockHttpServletRequest("POST", "/tallies"), posted,
                        (request, response) -> {
                            java.io.PrintWriter writer = response.getWriter();
                            context.getBean(Repo.class).insert(Tally.named("late"));
                            writer.write("created");
                        });
                assertThat(posted.getHeader(ReadYourWritesFilter.POSITION_HEADER)).matches("[0-9A-F]+/[0-9A-F]+");
            });
    }

    @Test
    void readYourWritesWithinTheRequestOnlyHandsOutNoPosition() {
        new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues(PROPERTIES)
            .withPropertyValues("schema.replicas.read-your-writes=request")
            .run(context -> {
                MockHttpServletResponse posted = new MockHttpServletResponse();
                readYourWritesFilter(context).doFilter(new MockHttpServletRequest("POST", "/tallies"), posted,
                        (request, response) -> context.getBean(Repo.class).insert(Tally.named("posted")));
                assertThat(posted.getHeaderNames()).isEmpty();
            });
    }

    /** A controller method changing a tally, as {@code PUT /tallies/{id}} would. */
    static class TallyController {

        void rename(@io.schemaspring.web.Cast(permit = "name") io.schemaspring.changeset.Changeset<Tally> changeset) {
        }

    }

    @Test
    @SuppressWarnings("unchecked")
    void castReadsTheRowToChangeFromThePrimaryWhileTheReplicaLags() {
        this.contextRunner.run(context -> {
            Repo repo = context.getBean(Repo.class);
            io.schemaspring.web.ChangesetArgumentResolver resolver = new io.schemaspring.web.ChangesetArgumentResolver(
                    context.getBean(io.schemaspring.metadata.SchemaRegistry.class), context.getBeanProvider(Repo.class),
                    new io.schemaspring.web.RequestParams(4096, 16));
            org.springframework.core.MethodParameter parameter = new org.springframework.core.MethodParameter(
                    TallyController.class.getDeclaredMethod("rename", io.schemaspring.changeset.Changeset.class), 0);
            this.cluster.replica.execute("SELECT pg_wal_replay_pause()");
            try {
                Tally tally = repo.insert(Tally.named("before"));
                assertThat(repo.get(Tally.class, tally.id)).as("the replica lags behind").isEmpty();
                org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest(
                        "PUT", "/tallies/" + tally.id);
                request.setAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
                        java.util.Map.of("id", String.valueOf(tally.id)));
                request.setContentType("application/json");
                request.setContent("{\"name\": \"after\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                io.schemaspring.changeset.Changeset<Tally> changeset = (io.schemaspring.changeset.Changeset<Tally>) resolver
                    .resolveArgument(parameter, null,
                            new org.springframework.web.context.request.ServletWebRequest(request), null);
                assertThat(changeset.data().id).isEqualTo(tally.id);
                assertThat(changeset.data().name).isEqualTo("before");
                assertThat(changeset.changes()).isEqualTo(java.util.Map.of("name", "after"));
            }
            finally {
                this.cluster.replica.execute("SELECT pg_wal_replay_resume()");
            }
        });
    }

    @Test
    void readYourWritesCanBeTurnedOff() {
        new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues(PROPERTIES)
            .withPropertyValues("schema.replicas.read-your-writes=none")
            .run(context -> assertThat(context).doesNotHaveBean(FilterRegistrationBean.class));
    }

}
