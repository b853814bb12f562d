package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values PostgreSQL refuses outside a changeset write answer 4xx, not 500 with a stack
 * trace: a NUL in a search (422), a delete that loses a race with a new comment to the
 * foreign key (409).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ExtendWith(OutputCaptureExtension.class)
class PostgresClientErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void requirePostgres() {
        PostgresProfileTest.requirePostgres();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aNulInASearchAnswers422WithoutAStackTrace(CapturedOutput output) throws Exception {
        HttpResponse<String> search = send("GET", "/api/posts/search?q=%00", null);
        assertThat(search.statusCode()).isEqualTo(422);
        assertThat(JSON.readValue(search.body(), Map.class)).containsEntry("detail",
                "The request has a value the database cannot take");
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

    @Test
    void aDeleteThatLosesARaceWithANewCommentAnswers409(CapturedOutput output) throws Exception {
        HttpResponse<String> user = send("POST", "/api/users", "{\"name\": \"Racer\", \"email\": \"fk"
                + System.nanoTime()
                + "@example.com\", \"password\": \"correct horse battery\", \"passwordConfirmation\": \"correct horse battery\"}");
        long userId = ((Number) JSON.readValue(user.body(), Map.class).get("id")).longValue();
        HttpResponse<String> post = send("POST", "/api/posts",
                "{\"title\": \"Raced\", \"body\": \"b\", \"userId\": " + userId + "}");
        long postId = ((Number) JSON.readValue(post.body(), Map.class).get("id")).longValue();
        HttpResponse<String> deleted;
        try (Connection commenter = DriverManager.getConnection(PostgresProfileTest.URL)) {
            commenter.setAutoCommit(false);
            try (PreparedStatement insert = commenter
                .prepareStatement("INSERT INTO blog.comments (body, post_id, inserted_at) VALUES ('late', ?, now())")) {
                insert.setLong(1, postId);
                insert.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> delete = CompletableFuture.supplyAsync(() -> {
                try {
                    return send("DELETE", "/api/posts/" + postId, null);
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            Thread.sleep(500);
            commenter.commit();
            deleted = delete.get();
        }
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(409);
        assertThat(JSON.readValue(deleted.body(), Map.class)).containsEntry("detail",
                "The request conflicts with data already stored");
        assertThat(output.getAll()).doesNotContain(" ERROR ");
    }

}
