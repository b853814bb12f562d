package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The network to PostgreSQL black-holed under load (a proxy that stops passing packets without
 * closing anything): requests answer 503 within the profile's bounds instead of hanging or
 * answering 500; the server ends the sessions left inside a transaction and frees their locks
 * (idle_in_transaction_session_timeout, where a partition once kept 19 locks for 55 s); after the
 * network heals writes go on, and every post answered 201 is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresBlackHoleTest {

    private static final int CLIENTS = 4;

    private static BlackHoleProxy proxy;

    private final JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(PostgresProfileTest.URL));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonMapper json = JsonMapper.builder().build();

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
        long userId = register();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Set<String> wrongAnswers = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong healedAt = new AtomicLong();
        AtomicLong writtenAfterHealing = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int number = client;
                running.add(clients.submit(() -> {
                    for (int round = 0; !stop.get(); round++) {
                        String title = "Black hole " + number + "-" + round;
                        HttpResponse<String> created = post("/api/posts", "{\"title\": \"" + title + "\", \"body\": \"b\", "
                                + "\"userId\": " + userId + ", \"tags\": [\"partition\"]}");
                        statuses.computeIfAbsent(created.statusCode(), key -> new AtomicLong()).incrementAndGet();
                        if (created.statusCode() == 201) {
                            acknowledged.put(((Number) this.json.readValue(created.body(), Map.class).get("id")).longValue(),
                                    title);
                            if (healedAt.get() != 0) {
                                writtenAfterHealing.compareAndSet(0, System.nanoTime());
                            }
                        }
                        else if (created.statusCode() != 503) {
                            wrongAnswers.add(created.statusCode() + " " + created.body());
                        }
                        Thread.sleep(10);
                    }
                    return null;
                }));
            }
            Thread.sleep(1500);
            proxy.blackHole();
            Thread.sleep(8000);
            assertThat(this.direct.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE datname = 'test' "
                    + "AND state LIKE 'idle in transaction%'", Integer.class)).as("sessions left inside a transaction").isZero();
            assertThat(this.direct.queryForObject("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                    + "WHERE c.relname IN ('posts', 'tags', 'posts_tags') AND l.pid <> pg_backend_pid()", Integer.class))
                    .as("locks still held on the blog's tables").isZero();
            proxy.heal();
            healedAt.set(System.nanoTime());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (writtenAfterHealing.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(writtenAfterHealing.get()).as("a write succeeded within 30 s of healing").isNotZero();
            stop.set(true);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
        }
        finally {
            stop.set(true);
            clients.shutdownNow();
        }
        assertThat(wrongAnswers).isEmpty();
        assertThat(statuses).containsKeys(201, 503);
        assertThat(statuses.keySet()).containsOnly(201, 503);
        Map<Long, String> stored = new ConcurrentHashMap<>();
        this.direct.query("SELECT id, title FROM blog.posts WHERE user_id = ?", row -> {
            stored.put(row.getLong(1), row.getString(2));
        }, userId);
        assertThat(stored).containsAllEntriesOf(acknowledged);
    }

    private long register() throws Exception {
        HttpResponse<String> user = post("/api/users", "{\"name\": \"Partitioned\", \"email\": \"hole" + System.nanoTime()
                + "@example.com\", \"password\": \"correct horse battery\", \"passwordConfirmation\": \"correct horse battery\"}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        return ((Number) this.json.readValue(user.body(), Map.class).get("id")).longValue();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
