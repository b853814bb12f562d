package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample behind PgBouncer in transaction pooling mode (the {@code pgbouncer}
 * profile), where PgJDBC's prepared COMMIT once left transactions open and lost
 * acknowledged posts: twenty clients create, rename and comment on posts at once, and
 * afterwards the primary, read directly, holds every write that was answered 200 or 201.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.hikari.maximum-pool-size=20")
@ActiveProfiles("pgbouncer")
class PgBouncerLoadTest {

    private static final String PGBOUNCER_URL = "jdbc:postgresql://127.0.0.1:6432/test?user=postgres&prepareThreshold=0";

    private static final int CLIENTS = 20;

    private static final int ROUNDS = 15;

    private final JdbcTemplate primary = new JdbcTemplate(
            new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));

    private final HttpClient http = HttpClient.newHttpClient();

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @BeforeAll
    static void requirePgBouncer() {
        RequiredServer.require("pgbouncer", PGBOUNCER_URL, "PgBouncer");
    }

    @Test
    void twentyClientsLoseNoAcknowledgedWriteThroughTheTransactionPooler() throws Exception {
        String email = "pooled" + System.nanoTime() + "@example.com";
        HttpResponse<String> user = send("POST", "/api/users", "{\"name\": \"Pooled\", \"email\": \"" + email + "\", "
                + "\"password\": \"correct horse battery\", \"passwordConfirmation\": \"correct horse battery\"}");
        assertThat(user.statusCode()).isEqualTo(201);
        long userId = id(user);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Acknowledged>> results = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int number = client;
                results.add(clients.submit(() -> writes(number, userId)));
            }
            Map<Long, String> titles = new HashMap<>();
            List<Long> comments = new ArrayList<>();
            for (Future<Acknowledged> result : results) {
                Acknowledged acknowledged = result.get(180, TimeUnit.SECONDS);
                titles.putAll(acknowledged.titles);
                comments.addAll(acknowledged.comments);
            }
            assertThat(titles).hasSize(CLIENTS * ROUNDS);
            assertThat(comments).hasSize(CLIENTS * ROUNDS);
            Map<Long, String> stored = new HashMap<>();
            this.primary.query("SELECT id, title FROM blog.posts WHERE user_id = ?", row -> {
                stored.put(row.getLong(1), row.getString(2));
            }, userId);
            assertThat(stored).isEqualTo(titles);
            assertThat(this.primary.queryForList(
                    "SELECT c.id FROM blog.comments c JOIN blog.posts p ON p.id = c.post_id " + "WHERE p.user_id = ?",
                    Long.class, userId))
                .containsExactlyInAnyOrderElementsOf(comments);
        }
        finally {
            clients.shutdownNow();
        }
    }

    private record Acknowledged(Map<Long, String> titles, List<Long> comments) {
    }

    /**
     * One client's rounds: a post, its new title, a comment; each answered 201, 200, 201.
     */
    private Acknowledged writes(int client, long userId) throws Exception {
        Map<Long, String> titles = new HashMap<>();
        List<Long> comments = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            HttpResponse<String> created = send("POST", "/api/posts", "{\"title\": \"Pooled " + client + "-" + round
                    + "\", \"body\": \"b\", \"userId\": " + userId + "}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long postId = id(created);
            String title = "Renamed " + client + "-" + round;
            HttpResponse<String> renamed = send("PUT", "/api/posts/" + postId, "{\"title\": \"" + title + "\"}");
            assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
            titles.put(postId, title);
            HttpResponse<String> commented = send("POST", "/api/posts/" + postId + "/comments", "{\"body\": \"c\"}");
            assertThat(commented.statusCode()).as(commented.body()).isEqualTo(201);
            comments.add(id(commented));
        }
        return new Acknowledged(titles, comments);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private long id(HttpResponse<String> response) {
        return ((Number) this.json.readValue(response.body(), Map.class).get("id")).longValue();
    }

}
