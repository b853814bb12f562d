package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The blog's actuator endpoints: repository metrics and the schema registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1")
class BlogActuatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void timesRepoOperationsAsSchemaRepoWithSchemaAndOperationTags() throws Exception {
        assertThat(get("/api/posts").statusCode()).isEqualTo(200);

        HttpResponse<String> response = get("/actuator/metrics/schema.repo");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metric = JSON.readTree(response.body());
        assertThat(metric.get("name").asString()).isEqualTo("schema.repo");
        assertThat(metric.get("availableTags").findValuesAsString("tag")).contains("schema", "operation", "outcome",
                "exception");
        HttpResponse<String> postReads = get("/actuator/metrics/schema.repo?tag=schema:Post&tag=outcome:success");
        assertThat(postReads.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(postReads.body()).get("measurements").get(0).get("value").asDouble()).isPositive();
    }

    @Test
    void listsTheBlogsSchemas() throws Exception {
        HttpResponse<String> response = get("/actuator/schemas");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("schemas").findValuesAsString("class")).containsExactly(
                "io.schemaspring.sample.blog.Comment", "io.schemaspring.sample.blog.Post",
                "io.schemaspring.sample.blog.Post$Link", "io.schemaspring.sample.blog.Profile",
                "io.schemaspring.sample.blog.Tag", "io.schemaspring.sample.blog.User");
    }

    @Test
    void exposesHealth() throws Exception {
        HttpResponse<String> response = get("/actuator/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("status").asString()).isEqualTo("UP");
        assertThat(JSON.readTree(response.body()).get("components").get("db").get("status").asString()).isEqualTo("UP");
        HttpResponse<String> db = get("/actuator/health/db");
        assertThat(db.statusCode()).isEqualTo(200);
        assertThat(db.body()).isEqualTo("{\"status\":\"UP\"}");
    }

}
