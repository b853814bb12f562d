package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.autoconfigure.fixtures.replica.Tally;
import io.schemaspring.autoconfigure.fixtures.replica.TallyRepository;
import io.schemaspring.query.OnConflict;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.StaleEntryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationContext;

/**
 * Two application instances (two contexts, two HikariCP pools) on one PostgreSQL, writing
 * the same rows at once: versioned updates lose no increment and upserts of the same
 * names leave one row each, because the database decides both (the version check and the
 * unique index), never state kept by an instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresTwoInstancesTest {

    private static final int THREADS_PER_INSTANCE = 3;

    private static final int INCREMENTS_PER_THREAD = 20;

    private static final int NAMES = 25;

    private final ApplicationContextRunner instance = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
                DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
                SchemaAutoConfiguration.class, SchemaRepositoryAutoConfiguration.class))
        .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.replica",
                "spring.datasource.url=" + ReplicaCluster.PRIMARY_URL, "spring.datasource.username=postgres",
                "spring.datasource.hikari.maximum-pool-size=" + THREADS_PER_INSTANCE);

    private ReplicaCluster cluster;

    @BeforeAll
    void createTables() {
        this.cluster = ReplicaCluster.require();
        ScaleTables.create(this.cluster.primary);
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

    @Test
    void versionedUpdatesFromTwoInstancesLoseNoIncrement() {
        this.instance.run(first -> this.instance.run(second -> {
            Long id = first.getBean(Repo.class).insert(Tally.named("shared")).id;
            AtomicInteger stale = new AtomicInteger();
            runConcurrently(List.of(first, second), context -> {
                TallyRepository tallies = context.getBean(TallyRepository.class);
                for (int i = 0; i < INCREMENTS_PER_THREAD; i++) {
                    while (true) {
                        Tally tally = tallies.findById(id).orElseThrow();
                        tally.hits = tally.hits + 1;
                        try {
                            tallies.save(tally);
                            break;
                        }
                        catch (StaleEntryException ex) {
                            stale.incrementAndGet();
                        }
                    }
                }
            });
            int increments = 2 * THREADS_PER_INSTANCE * INCREMENTS_PER_THREAD;
            assertThat(
                    this.cluster.primary.queryForMap("SELECT hits, lock_version FROM scale_tallies WHERE id = ?", id))
                .isEqualTo(Map.of("hits", increments, "lock_version", increments));
            System.out
                .println("[two-instances] " + increments + " increments, " + stale.get() + " stale attempts retried");
        }));
    }

    @Test
    void upsertsFromTwoInstancesLeaveOneRowPerName() {
        this.instance.run(first -> this.instance.run(second -> {
            AtomicInteger inserted = new AtomicInteger();
            runConcurrently(List.of(first, second), context -> {
                Repo repo = context.getBean(Repo.class);
                for (int i = 0; i < NAMES; i++) {
                    if (repo.insert(Tally.named("name-" + i), OnConflict.nothing().target("name")).id != null) {
                        inserted.incrementAndGet();
                    }
                }
            });
            assertThat(inserted.get()).as("upserts that inserted (the others found the name there)").isEqualTo(NAMES);
            assertThat(this.cluster.primary.queryForObject("SELECT count(*) FROM scale_tallies", Long.class))
                .isEqualTo((long) NAMES);
            assertThat(
                    this.cluster.primary.queryForObject("SELECT count(DISTINCT name) FROM scale_tallies", Long.class))
                .isEqualTo((long) NAMES);
        }));
    }

    /**
     * Runs the work on THREADS_PER_INSTANCE threads per instance, all released at once.
     */
    private static void runConcurrently(List<ApplicationContext> instances, ContextWork work) throws Exception {
        int threads = instances.size() * THREADS_PER_INSTANCE;
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (ApplicationContext context : instances) {
                for (int t = 0; t < THREADS_PER_INSTANCE; t++) {
                    futures.add(executor.submit(() -> {
                        start.await();
                        work.run(context);
                        return null;
                    }));
                }
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    @FunctionalInterface
    interface ContextWork {

        void run(ApplicationContext context) throws Exception;

    }

}
