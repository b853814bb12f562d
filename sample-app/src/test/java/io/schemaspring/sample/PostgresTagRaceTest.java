package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tag race on PostgreSQL, where "look the tag up, then insert it" lost it for 9 of 20
 * pairs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresTagRaceTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeAll
    static void requirePostgres() {
        PostgresProfileTest.requirePostgres();
    }

    @Test
    void tenConcurrentPostsSharingANewTagAllSucceedAndCreateItOnce() throws Exception {
        String email = "racer" + System.nanoTime() + "@example.com";
        HttpResponse<String> registered = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Racer\", \"email\": \"" + email + "\", "
                        + "\"password\": \"correct horse battery\", \"passwordConfirmation\": \"correct horse battery\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(201);
        long userId = ((Number) JsonMapper.builder()
            .build()
            .readValue(registered.body(), java.util.Map.class)
            .get("id")).longValue();
        TagRace.run(this.port, userId, this.jdbc, "blog.tags");
        TagRace.runCrossed(this.port, userId, this.jdbc, "blog.tags");
    }

}
