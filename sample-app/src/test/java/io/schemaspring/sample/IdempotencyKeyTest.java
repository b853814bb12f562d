package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on the sample's API over real HTTP (H2 here, PostgreSQL in the
 * subclass): a client whose reply is lost retries and gets the first outcome, and the
 * post exists once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    long userId;

    /** The posts table as this test's database names it. */
    String postsTable() {
        return "posts";
    }

    @BeforeEach
    void register() throws Exception {
        HttpResponse<String> user = post("/api/users", null, "{\"name\": \"Idem\", \"email\": \"idem"
                + System.nanoTime()
                + "@example.com\", \"password\": \"correct horse battery\", \"passwordConfirmation\": \"correct horse battery\"}");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
        this.userId = ((Number) JSON.readValue(user.body(), Map.class).get("id")).longValue();
    }

    String postBody(String title) {
        return "{\"title\": \"" + title + "\", \"body\": \"b\", \"userId\": " + this.userId + "}";
    }

    HttpResponse<String> post(String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    long count(String title) {
        return this.jdbc.queryForObject("SELECT COUNT(*) FROM " + postsTable() + " WHERE title = ?", Long.class, title);
    }

    @Test
    void aRetryAfterALostReplyAnswersTheFirstOutcomeAndWritesNothingMore() throws Exception {
        String title = "Lost reply " + System.nanoTime();
        String key = "lost-" + System.nanoTime();
        byte[] body = postBody(title).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", this.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /api/posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nIdempotency-Key: "
                            + key + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count(title) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count(title)).as("the first request committed though its reply was never read").isEqualTo(1);
        Long id = this.jdbc.queryForObject("SELECT id FROM " + postsTable() + " WHERE title = ?", Long.class, title);

        HttpResponse<String> retried = post("/api/posts", key, postBody(title));

        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retried.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(JSON.readValue(retried.body(), Map.class)).containsEntry("id", id.intValue())
            .containsEntry("title", title);
        assertThat(count(title)).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheSameBodyWithoutWritingAgain() throws Exception {
        String title = "Twice " + System.nanoTime();
        String key = "twice-" + System.nanoTime();
        HttpResponse<String> first = post("/api/posts", key, postBody(title));
        HttpResponse<String> second = post("/api/posts", key, postBody(title));
        assertThat(List.of(first.statusCode(), second.statusCode())).containsExactly(201, 201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.headers().firstValue("ETag")).contains("\"0\"").isEqualTo(first.headers().firstValue("ETag"));
        assertThat(count(title)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestAnswers422AndWritesNothing() throws Exception {
        String title = "First " + System.nanoTime();
        String key = "reused-" + System.nanoTime();
        assertThat(post("/api/posts", key, postBody(title)).statusCode()).isEqualTo(201);
        HttpResponse<String> other = post("/api/posts", key, postBody("Other " + title));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readValue(other.body(), Map.class)).containsEntry("detail",
                "This Idempotency-Key was used for another request");
        assertThat(count("Other " + title)).isZero();
    }

    @Test
    void aRefusedRequestStoresNothingSoItsKeyRunsAgainOnRetry() throws Exception {
        String title = "Refused " + System.nanoTime();
        String key = "refused-" + System.nanoTime();
        String missingUser = "{\"title\": \"" + title + "\", \"body\": \"b\", \"userId\": 987654321}";
        assertThat(post("/api/posts", key, missingUser).statusCode()).isEqualTo(422);
        assertThat(count(title)).isZero();
        HttpResponse<String> fixed = post("/api/posts", key, postBody(title));
        assertThat(fixed.statusCode()).isEqualTo(201);
        assertThat(fixed.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(count(title)).isEqualTo(1);
    }

    @Test
    void aKeyThatIsNotVisibleAsciiAnswers400() throws Exception {
        String title = "Bad key " + System.nanoTime();
        HttpResponse<String> refused = post("/api/posts", "x".repeat(256), postBody(title));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readValue(refused.body(), Map.class)).containsEntry("detail",
                "Idempotency-Key must be 1 to 255 visible ASCII characters");
        assertThat(count(title)).isZero();
    }

}
