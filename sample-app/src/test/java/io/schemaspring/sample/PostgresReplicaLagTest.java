package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * The sample reading from the real streaming replica while it replays nothing (replay
 * paused): clients that keep their cookies create a post, read it back, rename it and
 * read it again. Each read sees the client's own latest write (no 404, no old title),
 * each rename is stored on the primary, and a client without the cookie reads what the
 * lagging replica has.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "postgres", "replica" })
class PostgresReplicaLagTest {

    private static final String REPLICA_URL = "jdbc:postgresql://127.0.0.1:5433/test?user=postgres&connectTimeout=3";

    private static final int CLIENTS = 4;

    private static final int ROUNDS = 10;

    private final JdbcTemplate primary = new JdbcTemplate(new DriverManagerDataSource(PostgresProfileTest.URL));

    private final JdbcTemplate replica = new JdbcTemplate(new DriverManagerDataSource(REPLICA_URL));

    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @BeforeAll
    static void requireThePrimaryAndTheReplica() {
        PostgresProfileTest.requirePostgres();
        RequiredServer.require("replica", REPLICA_URL, "The replica");
    }

    @Test
    void eachClientReadsItsOwnWritesWhileTheReplicaReplaysNothing() throws Exception {
        long userId = userId(HttpClient.newHttpClient());
        Map<Long, String> renamed = new ConcurrentHashMap<>();
        Set<String> wrongAnswers = ConcurrentHashMap.newKeySet();
        this.replica.execute("SELECT pg_wal_replay_pause()");
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long strangersPost;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int number = client;
                running.add(clients.submit(() -> {
                    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
                    for (int round = 0; round < ROUNDS; round++) {
                        String title = "Lagged " + number + "-" + round;
                        HttpResponse<String> created = send(browser, "POST", "/api/posts",
                                "{\"title\": \"" + title + "\", \"body\": \"b\", \"userId\": " + userId + "}");
                        expect(wrongAnswers, "POST", created, 201, null);
                        if (created.statusCode() != 201) {
                            continue;
                        }
                        long id = ((Number) this.json.readValue(created.body(), Map.class).get("id")).longValue();
                        expect(wrongAnswers, "GET after POST", send(browser, "GET", "/api/posts/" + id, null), 200,
                                title);
                        String newTitle = "Renamed " + number + "-" + round;
                        expect(wrongAnswers, "PUT",
                                send(browser, "PUT", "/api/posts/" + id, "{\"title\": \"" + newTitle + "\"}"), 200,
                                newTitle);
                        expect(wrongAnswers, "GET after PUT", send(browser, "GET", "/api/posts/" + id, null), 200,
                                newTitle);
                        renamed.put(id, newTitle);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(120, TimeUnit.SECONDS);
            }
            strangersPost = renamed.keySet().iterator().next();
            assertThat(send(HttpClient.newHttpClient(), "GET", "/api/posts/" + strangersPost, null).statusCode())
                .as("a client without the position reads the lagging replica")
                .isEqualTo(404);
        }
        finally {
            clients.shutdownNow();
            this.replica.execute("SELECT pg_wal_replay_resume()");
        }
        assertThat(wrongAnswers).isEmpty();
        assertThat(renamed).hasSize(CLIENTS * ROUNDS);
        Map<Long, String> stored = new ConcurrentHashMap<>();
        this.primary.query("SELECT id, title FROM blog.posts WHERE user_id = ?", row -> {
            stored.put(row.getLong(1), row.getString(2));
        }, userId);
        assertThat(stored).isEqualTo(renamed);
    }

    private void expect(Set<String> wrongAnswers, String step, HttpResponse<String> response, int status,
            String title) {
        boolean titled = title == null || title.equals(this.json.readValue(response.body(), Map.class).get("title"));
        if (response.statusCode() != status || !titled) {
            wrongAnswers.add(step + ": " + response.statusCode() + " " + response.body());
        }
    }

    private long userId(HttpClient client) throws Exception {
        HttpResponse<String> user = send(client, "POST", "/api/users",
                "{\"name\": \"Lagged\", \"email\": \"lag" + System.nanoTime()
                        + "@example.com\", \"password\": \"correct horse battery\", "
                        + "\"passwordConfirmation\": \"correct horse battery\"}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        return ((Number) this.json.readValue(user.body(), Map.class).get("id")).longValue();
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
