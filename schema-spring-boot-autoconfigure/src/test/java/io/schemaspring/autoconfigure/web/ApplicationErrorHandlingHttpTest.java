package io.schemaspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The starter next to an application with its own {@code @RestControllerAdvice}
 * (fixtures' ApplicationAdvice).
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.datasource.generate-unique-name=true",
                "spring.sql.init.schema-locations=classpath:web/schema.sql", "test.application-advice=true" })
class ApplicationErrorHandlingHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void clean() {
        this.jdbc.update("DELETE FROM remarks");
        this.jdbc.update("DELETE FROM articles");
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Object json(HttpResponse<String> response) {
        return JSON.readValue(response.body(), Map.class);
    }

    @Test
    void applicationAdviceAnswersValidationErrorsOfItsDtos() throws Exception {
        HttpResponse<String> response = post("/signups", "application/json", "{\"email\": \"\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).isEqualTo(Map.of("handledBy", "application", "invalid", List.of("email")));
    }

    @Test
    void applicationAdviceForDataIntegrityViolationsWinsAlsoForChangesetWrites() throws Exception {
        HttpResponse<String> plain = post("/signups/duplicate", "application/json", "");
        assertThat(plain.statusCode()).isEqualTo(409);
        assertThat(json(plain)).isEqualTo(Map.of("handledBy", "application", "conflict", true));
        assertThat(post("/articles/strict", "application/json", "{\"title\": \"Taken\", \"body\": \"b\"}").statusCode())
            .isEqualTo(201);
        HttpResponse<String> changeset = post("/articles/strict", "application/json",
                "{\"title\": \"Taken\", \"body\": \"b\"}");
        assertThat(changeset.statusCode()).isEqualTo(409);
        assertThat(json(changeset)).isEqualTo(Map.of("handledBy", "application", "conflict", true));
    }

    @Test
    void applicationAdviceForBindingErrorsAlsoReceivesSchemaBindingErrors() throws Exception {
        HttpResponse<String> response = post("/articles/form/strict", "application/x-www-form-urlencoded",
                "title=Bound&views=many");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response)).isEqualTo(Map.of("handledBy", "application", "invalid", List.of("views")));
    }

    @Test
    void starterStillAnswersItsExceptionsTheApplicationDoesNotHandle() throws Exception {
        HttpResponse<String> response = post("/articles", "application/json", "{\"title\": \"\"}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response)).isEqualTo(
                Map.of("title", "Unprocessable Content", "status", 422, "detail", "The request has invalid fields",
                        "instance", "/articles", "errors", Map.of("title", List.of("can't be blank"))));
    }

}
