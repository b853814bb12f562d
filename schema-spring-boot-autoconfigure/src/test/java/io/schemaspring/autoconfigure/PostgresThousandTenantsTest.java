package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.autoconfigure.fixtures.replica.Tally;
import io.schemaspring.autoconfigure.fixtures.replica.TallyRepository;
import io.schemaspring.repo.Repo;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/**
 * One application serving 1,000 tenant schemas on PostgreSQL ({@code withPrefix}): every
 * tenant's writes and reads stay in its own schema, and what the starter keeps per tenant
 * is bounded (the statement cache at 4,096 entries, prefix-bound repository proxies at
 * 256). Prints the figures docs/scaling.md gives (start-up, first and second pass, heap).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresThousandTenantsTest {

    private static final int TENANTS = 1000;

    private final ApplicationContextRunner application = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                SchemaAutoConfiguration.class, SchemaRepositoryAutoConfiguration.class))
        .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.replica",
                "spring.datasource.url=" + ReplicaCluster.PRIMARY_URL, "spring.datasource.username=postgres");

    private final List<String> tenants = IntStream.rangeClosed(1, TENANTS)
        .mapToObj(i -> String.format("tenant_%04d", i))
        .toList();

    private ReplicaCluster cluster;

    private long startUpWithoutTenantsMillis;

    /**
     * Measures start-up before the tenant schemas exist (after one start to load the
     * classes), then creates them.
     */
    @BeforeAll
    void createTenantSchemas() {
        this.cluster = ReplicaCluster.require();
        dropTenantSchemas();
        this.application.run(context -> {
        });
        long starting = System.nanoTime();
        this.application.run(context -> this.startUpWithoutTenantsMillis = (System.nanoTime() - starting) / 1_000_000);
        List<String> ddl = new ArrayList<>();
        for (String tenant : this.tenants) {
            ddl.add("CREATE SCHEMA " + tenant);
            ddl.add(ScaleTables.talliesTable(tenant + ".scale_tallies"));
        }
        this.cluster.primary.batchUpdate(ddl.toArray(String[]::new));
    }

    @AfterAll
    void dropTenantSchemas() {
        if (this.cluster != null) {
            this.cluster.primary.batchUpdate(
                    this.tenants.stream().map(t -> "DROP SCHEMA IF EXISTS " + t + " CASCADE").toArray(String[]::new));
        }
    }

    @Test
    void oneApplicationServesAThousandTenantSchemasWithBoundedState() {
        long starting = System.nanoTime();
        this.application.run(context -> {
            long startUpMillis = (System.nanoTime() - starting) / 1_000_000;
            Repo repo = context.getBean(Repo.class);
            TallyRepository tallies = context.getBean(TallyRepository.class);
            long heapBefore = usedHeapAfterGc();

            TallyRepository firstTenant = tallies.withPrefix(this.tenants.get(0));
            assertThat(tallies.withPrefix(this.tenants.get(0))).isSameAs(firstTenant);
            long firstPass = System.nanoTime();
            for (String tenant : this.tenants) {
                TallyRepository mine = tallies.withPrefix(tenant);
                Tally tally = mine.save(Tally.named(tenant));
                tally.hits = 1;
                mine.save(tally);
                assertThat(mine.findByName(tenant)).map(t -> t.hits).contains(1);
                assertThat(repo.get(Tally.class, tenant, tally.id)).map(t -> t.name).contains(tenant);
            }
            long firstPassMillis = (System.nanoTime() - firstPass) / 1_000_000;
            long secondPass = System.nanoTime();
            for (String tenant : this.tenants) {
                TallyRepository mine = tallies.withPrefix(tenant);
                assertThat(mine.findByName(tenant)).map(t -> t.name).contains(tenant);
                assertThat(mine.count()).isEqualTo(1);
            }
            long secondPassMillis = (System.nanoTime() - secondPass) / 1_000_000;
            long heapAfter = usedHeapAfterGc();

            for (String tenant : List.of(this.tenants.get(0), this.tenants.get(499), this.tenants.get(999))) {
                assertThat(this.cluster.primary.queryForList("SELECT name FROM " + tenant + ".scale_tallies",
                        String.class))
                    .containsExactly(tenant);
            }
            assertThat(this.cluster.primary.queryForObject(
                    "SELECT " + String.join(" + ",
                            this.tenants.stream().map(t -> "(SELECT count(*) FROM " + t + ".scale_tallies)").toList()),
                    Long.class))
                .isEqualTo((long) TENANTS);
            assertThat(repo.cachedStatements()).isEqualTo(4096);
            TallyRepository lastTenant = tallies.withPrefix(this.tenants.get(TENANTS - 1));
            assertThat(tallies.withPrefix(this.tenants.get(TENANTS - 1))).as("a recent tenant's proxy is kept")
                .isSameAs(lastTenant);
            assertThat(tallies.withPrefix(this.tenants.get(0))).as("the 256 most recent are kept, not more")
                .isNotSameAs(firstTenant);
            System.out.printf(
                    "[tenants] %d tenants: start-up %d ms (%d ms without tenant schemas), first pass %d ms (%.2f ms per tenant: insert, "
                            + "update, derived query, get), second pass %d ms (derived query, count), statements cached %d, heap retained %d KB%n",
                    TENANTS, startUpMillis, this.startUpWithoutTenantsMillis, firstPassMillis,
                    firstPassMillis / (double) TENANTS, secondPassMillis, repo.cachedStatements(),
                    (heapAfter - heapBefore) / 1024);
        });
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

}
