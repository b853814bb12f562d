package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The network to PostgreSQL black-holed under load (a proxy that stops passing packets
 * without closing anything): requests answer 503 within the profile's bounds instead of
 * hanging or answering 500; the server ends the sessions left inside a transaction and
 * frees their locks (idle_in_transaction_session_timeout, where a partition once kept 19
 * locks for 55 s); after the network heals writes go on, and every post answered 201 is
 * stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresBlackHoleTest {

    private static final int CLIENTS = 4;

    private static BlackHoleProxy proxy;

    private final JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(PostgresProfileTest.URL));

    @LocalServerPort
    private int port;

    @BeforeAll
    static void requirePostgres() {
        PostgresProfileTest.requirePostgres();
    }

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) throws Exception {
        proxy = new BlackHoleProxy(5432);
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
        registry.add("spring.datasource.hikari.data-source-properties.socketTimeout", () -> "3");
        registry.add("spring.datasource.hikari.data-source-properties.options",
                () -> "-c statement_timeout=10s -c idle_in_transaction_session_timeout=2s");
    }

    @AfterAll
    static void closeProxy() throws Exception {
        proxy.close();
    }

    @Test
    void requestsAnswer503LocksAreFreedAndNoAcknowledgedPostIsLost() throws Exception {
        PostingClients clients = new PostingClients(this.port);
        long userId = clients.register("Partitioned");
        try {
            clients.start(CLIENTS, userId, "Black hole", ", \"tags\": [\"partition\"]", (posting, id, created) -> null);
            Thread.sleep(1500);
            proxy.blackHole();
            Thread.sleep(8000);
            assertThat(this.direct.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = 'test' "
                    + "AND state LIKE 'idle in transaction%'", Integer.class))
                .as("sessions left inside a transaction")
                .isZero();
            assertThat(this.direct.queryForObject(
                    "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                            + "WHERE c.relname IN ('posts', 'tags', 'posts_tags') AND l.pid <> pg_backend_pid()",
                    Integer.class))
                .as("locks still held on the blog's tables")
                .isZero();
            proxy.heal();
            clients.mark();
            assertThat(clients.awaitWrite(Duration.ofSeconds(30))).as("a write succeeded within 30 s of healing")
                .isNotZero();
        }
        finally {
            clients.stop();
        }
        assertThat(clients.wrongAnswers).isEmpty();
        assertThat(clients.statuses).containsKeys(201, 503);
        assertThat(clients.statuses.keySet()).containsOnly(201, 503);
        Map<Long, String> stored = new ConcurrentHashMap<>();
        this.direct.query("SELECT id, title FROM blog.posts WHERE user_id = ?", row -> {
            stored.put(row.getLong(1), row.getString(2));
        }, userId);
        assertThat(stored).containsAllEntriesOf(clients.acknowledged);
    }

}
