package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged sample app started by {@code spring-boot:start} with
 * {@code -Dspring.aot.enabled=true} (see the sample app's pom): it runs on its
 * AOT-generated bean definitions, and schemas, repositories, preloads and casting all
 * work there.
 */
class AotModeIT {

    private static final String BASE = "http://127.0.0.1:" + System.getProperty("aot.port", "18089");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final JsonMapper json = JsonMapper.builder().build();

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json");
        request.method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void runsOnTheAotGeneratedBeanDefinitions() throws Exception {
        HttpResponse<String> info = send("GET", "/actuator/info", null);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(this.json.readTree(info.body()).get("aot").asBoolean()).isTrue();
    }

    @Test
    void readsAPostWithItsPreloadedAssociations() throws Exception {
        HttpResponse<String> shown = send("GET", "/api/posts/1", null);
        assertThat(shown.statusCode()).isEqualTo(200);
        JsonNode post = this.json.readTree(shown.body());
        assertThat(post.get("title").asString()).isEqualTo("Hello, schemas");
        assertThat(post.get("user").get("name").asString()).isEqualTo("José");
        assertThat(post.get("comments").get(0).get("body").asString()).isEqualTo("Welcome!");
        assertThat(post.get("tags").size()).isEqualTo(2);
    }

    @Test
    void castsRequestsIntoChangesetsAndAnswersFieldErrors() throws Exception {
        HttpResponse<String> invalid = send("POST", "/api/posts", "{\"title\": \"AOT\"}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(this.json.readValue(invalid.body(), Map.class).get("errors"))
            .isEqualTo(Map.of("body", List.of("can't be blank"), "userId", List.of("can't be blank")));
        HttpResponse<String> created = send("POST", "/api/posts",
                "{\"title\": \"AOT\", \"body\": \"Generated at build time\", \"userId\": 1}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode post = this.json.readTree(created.body());
        assertThat(post.get("title").asString()).isEqualTo("AOT");
        assertThat(post.get("userId").asLong()).isEqualTo(1L);
    }

}
