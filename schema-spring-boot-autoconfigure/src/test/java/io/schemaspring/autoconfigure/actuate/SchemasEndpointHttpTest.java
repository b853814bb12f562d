package io.schemaspring.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.datasource.generate-unique-name=true",
                "schema.packages=io.schemaspring.autoconfigure.fixtures.club",
                "management.endpoints.web.exposure.include=schemas" })
class SchemasEndpointHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listsEveryRegisteredSchemaByClassName() throws Exception {
        HttpResponse<String> response = get("/actuator/schemas");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
            .hasValue("application/vnd.spring-boot.actuator.v3+json");
        assertThat(JSON.readTree(response.body()).get("schemas").findValuesAsString("class")).containsExactly(
                "io.schemaspring.autoconfigure.fixtures.club.Member",
                "io.schemaspring.autoconfigure.fixtures.club.Member$Phone",
                "io.schemaspring.autoconfigure.fixtures.club.Team");
    }

    @Test
    void describesASchemaWithItsFieldsTypesColumnsFlagsAssociationsAndEmbeds() throws Exception {
        JsonNode member = JSON.readTree(get("/actuator/schemas").body()).get("schemas").get(0);

        JSONAssert.assertEquals(
                """
                        {"class": "io.schemaspring.autoconfigure.fixtures.club.Member", "source": "members", "prefix": "club",
                         "embedded": false, "primaryKey": ["id"],
                         "fields": [
                          {"name": "id", "type": ":id", "column": "id", "virtual": false, "redacted": false,
                           "readAfterWrites": false, "loadInQuery": true, "writable": "ALWAYS"},
                          {"name": "name", "type": ":string", "column": "name", "virtual": false, "redacted": false,
                           "readAfterWrites": false, "loadInQuery": true, "writable": "ALWAYS"},
                          {"name": "password", "type": ":string", "column": "password", "virtual": false, "redacted": true,
                           "readAfterWrites": false, "loadInQuery": true, "writable": "ALWAYS"},
                          {"name": "rank", "type": ":integer", "column": "rank", "virtual": false, "redacted": false,
                           "readAfterWrites": true, "loadInQuery": true, "writable": "NEVER"},
                          {"name": "joined", "type": ":date", "column": "joined_on", "virtual": false, "redacted": false,
                           "readAfterWrites": false, "loadInQuery": false, "writable": "INSERT"},
                          {"name": "phones", "type": "{:array, {:embed, Phone}}", "column": "phones", "virtual": false,
                           "redacted": false, "readAfterWrites": false, "loadInQuery": true, "writable": "ALWAYS"},
                          {"name": "passwordConfirmation", "type": ":string", "column": null, "virtual": true, "redacted": false,
                           "readAfterWrites": false, "loadInQuery": true, "writable": "ALWAYS"}],
                         "associations": [
                          {"name": "teams", "kind": "MANY_TO_MANY", "cardinality": "MANY",
                           "related": "io.schemaspring.autoconfigure.fixtures.club.Team", "ownerKey": "id", "relatedKey": "id",
                           "joinThrough": "members_teams",
                           "joinKeys": [{"column": "member_id", "references": "id"}, {"column": "team_id", "references": "id"}],
                           "through": []}],
                         "embeds": [
                          {"name": "phones", "cardinality": "MANY",
                           "related": "io.schemaspring.autoconfigure.fixtures.club.Member$Phone", "column": "phones"}]}
                        """,
                member.toString(), JSONCompareMode.STRICT);
    }

}
