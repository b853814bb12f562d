package io.schemaspring.autoconfigure.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optimistic locking over HTTP: an {@code ETag} from {@code @Version}, {@code If-Match}
 * honoured by {@code @Cast}.
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.datasource.generate-unique-name=true",
                "spring.sql.init.schema-locations=classpath:web/schema.sql" })
class IfMatchHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path, String body, String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", "application/json")
            .method(method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long created() throws Exception {
        HttpResponse<String> created = send("POST", "/memos", "{\"text\": \"first\"}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        return ((Number) JSON.readValue(created.body(), Map.class).get("id")).longValue();
    }

    private String storedText(long id) {
        return this.jdbc.queryForObject("SELECT text FROM memos WHERE id = ?", String.class, id);
    }

    @Test
    void aChangeWithTheETagItReadSucceedsAndAnswersTheNextETag() throws Exception {
        long id = created();
        assertThat(send("GET", "/memos/" + id, null, null).headers().firstValue("ETag")).contains("\"0\"");
        HttpResponse<String> changed = send("PUT", "/memos/" + id, "{\"text\": \"second\"}", "\"0\"");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(storedText(id)).isEqualTo("second");
    }

    @Test
    void aChangeFromAnOlderVersionAnswers412AndWritesNothing() throws Exception {
        long id = created();
        assertThat(send("PUT", "/memos/" + id, "{\"text\": \"theirs\"}", "\"0\"").statusCode()).isEqualTo(200);
        HttpResponse<String> stale = send("PUT", "/memos/" + id, "{\"text\": \"mine\"}", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readValue(stale.body(), Map.class)).containsEntry("detail",
                "The Memo was changed since it was read "
                        + "(its ETag is no longer the one sent in If-Match); read it again and retry");
        assertThat(storedText(id)).isEqualTo("theirs");
    }

    @Test
    void aWeakTagNeverMatchesAndAStarMatchesAnyStoredVersion() throws Exception {
        long id = created();
        assertThat(send("PUT", "/memos/" + id, "{\"text\": \"weak\"}", "W/\"0\"").statusCode()).isEqualTo(412);
        assertThat(send("PUT", "/memos/" + id, "{\"text\": \"listed\"}", "\"7\", \"0\"").statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/memos/" + id, "{\"text\": \"any\"}", "*").statusCode()).isEqualTo(200);
        assertThat(storedText(id)).isEqualTo("any");
    }

    @Test
    void aRequiredIfMatchThatIsMissingAnswers428() throws Exception {
        long id = created();
        HttpResponse<String> missing = send("PUT", "/memos/" + id, "{\"text\": \"blind\"}", null);
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(JSON.readValue(missing.body(), Map.class)).containsEntry("detail",
                "This change needs If-Match with the ETag of the Memo it changes; read it first");
        assertThat(storedText(id)).isEqualTo("first");
    }

}
