package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real automatic failover under load: the sample on the pg_auto_failover formation that
 * {@code .ci/run} starts (the {@code failover} profile: a multi-host URL, the standby as replica),
 * eight clients posting and reading back their posts, and the primary node killed half-way. Writes
 * answer 503 while the secondary is promoted, then go on on it; no request answers 500 or misses
 * its own post; every post answered 201 is on the new primary afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("failover")
class PostgresFailoverLoadTest {

    private static final String PRIMARY_URL =
            "jdbc:postgresql://127.0.0.1:5442,127.0.0.1:5443/test?targetServerType=primary&user=postgres&connectTimeout=3";

    private static final File SCRIPT = new File("../.ci/failover.sh");

    private static final int CLIENTS = 8;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @BeforeAll
    static void requireTheFormation() {
        try (Connection connection = DriverManager.getConnection(PRIMARY_URL)) {
            return;
        }
        catch (SQLException ex) {
            String reason = "the pg_auto_failover formation is not reachable at " + PRIMARY_URL + " (" + ex.getMessage() + ")";
            String required = System.getenv("SCHEMA_IT_REQUIRED");
            if (required != null && Arrays.stream(required.split(","))
                    .anyMatch(name -> name.trim().toLowerCase(Locale.ROOT).equals("failover"))) {
                fail(reason + ", but SCHEMA_IT_REQUIRED=" + required + " requires it");
            }
            System.out.println("[schema-it] NOTICE: " + reason + ": skipping the failover test");
            Assumptions.abort(reason);
        }
    }

    @Test
    void writesGoOnOnThePromotedNodeAndNoAcknowledgedPostIsLost() throws Exception {
        long userId = register();
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        Set<String> wrongAnswers = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong killedAt = new AtomicLong();
        AtomicLong firstWriteAfterKill = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int number = client;
                running.add(clients.submit(() -> {
                    for (int round = 0; !stop.get(); round++) {
                        String title = "Failover " + number + "-" + round;
                        HttpResponse<String> created = send("POST", "/api/posts", "{\"title\": \"" + title
                                + "\", \"body\": \"b\", \"userId\": " + userId + "}", null);
                        count(statuses, created.statusCode());
                        if (created.statusCode() == 201) {
                            long id = id(created);
                            acknowledged.put(id, title);
                            if (killedAt.get() != 0) {
                                firstWriteAfterKill.compareAndSet(0, System.nanoTime());
                            }
                            HttpResponse<String> read = send("GET", "/api/posts/" + id, null,
                                    created.headers().firstValue("Schema-Position").orElse(null));
                            count(statuses, read.statusCode());
                            if (read.statusCode() != 200 && read.statusCode() != 503) {
                                wrongAnswers.add("GET own post " + id + ": " + read.statusCode() + " " + read.body());
                            }
                        }
                        else if (created.statusCode() != 503) {
                            wrongAnswers.add("POST: " + created.statusCode() + " " + created.body());
                        }
                        Thread.sleep(20);
                    }
                    return null;
                }));
            }
            Thread.sleep(2000);
            String killed = script("kill-primary").trim();
            killedAt.set(System.nanoTime());
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (firstWriteAfterKill.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(firstWriteAfterKill.get()).as("a write succeeded within 90 s of killing " + killed).isNotZero();
            Thread.sleep(2000);
            stop.set(true);
            for (Future<?> client : running) {
                client.get(60, TimeUnit.SECONDS);
            }
            System.out.printf("[failover] killed %s; writes again after %d ms; statuses %s; %d posts acknowledged%n",
                    killed, Duration.ofNanos(firstWriteAfterKill.get() - killedAt.get()).toMillis(), statuses,
                    acknowledged.size());
        }
        finally {
            stop.set(true);
            clients.shutdownNow();
            script("restore");
        }
        assertThat(wrongAnswers).isEmpty();
        assertThat(statuses.keySet()).isSubsetOf(200, 201, 503);
        JdbcTemplate newPrimary = new JdbcTemplate(new DriverManagerDataSource(PRIMARY_URL));
        Map<Long, String> stored = new ConcurrentHashMap<>();
        newPrimary.query("SELECT id, title FROM blog.posts WHERE user_id = ?", row -> {
            stored.put(row.getLong(1), row.getString(2));
        }, userId);
        assertThat(stored).containsAllEntriesOf(acknowledged);
    }

    private static void count(Map<Integer, AtomicLong> statuses, int status) {
        statuses.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
    }

    private long register() throws Exception {
        String email = "failover" + System.nanoTime() + "@example.com";
        HttpResponse<String> user = send("POST", "/api/users", "{\"name\": \"Failover\", \"email\": \"" + email + "\", "
                + "\"password\": \"correct horse battery\", \"passwordConfirmation\": \"correct horse battery\"}", null);
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        return id(user);
    }

    private HttpResponse<String> send(String method, String path, String body, String position) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, body != null ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (position != null) {
            request.header("Schema-Position", position);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long id(HttpResponse<String> response) {
        return ((Number) this.json.readValue(response.body(), Map.class).get("id")).longValue();
    }

    /** Runs {@code .ci/failover.sh} with the subcommand; answers what it printed on standard output. */
    private static String script(String command) throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.getPath(), command)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(".ci/failover.sh " + command + " failed: " + output);
        }
        return output;
    }
}
