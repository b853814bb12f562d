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

@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.datasource.generate-unique-name=true",
                "spring.sql.init.schema-locations=classpath:web/schema.sql", "spring.messages.basename=web/messages",
                "schema.web.max-payload-size=4KB", "schema.web.max-depth=16" })
class WebCastingHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    record Response(int status, String contentType, String body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(this.body, Map.class);
        }
    }

    @BeforeEach
    void clean() {
        this.jdbc.update("DELETE FROM remarks");
        this.jdbc.update("DELETE FROM articles");
        this.jdbc.update("DELETE FROM reviews");
    }

    private Response send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private Response json(String method, String path, Object body) throws Exception {
        return send(method, path, "application/json",
                body instanceof String text ? text : JSON.writeValueAsString(body));
    }

    private Response form(String path, String body) throws Exception {
        return send("POST", path, "application/x-www-form-urlencoded", body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private long create(String title) throws Exception {
        return ((Number) json("POST", "/articles", Map.of("title", title)).json().get("id")).longValue();
    }

    @Test
    void createsFromJsonCastingOnlyPermittedFields() throws Exception {
        Response response = json("POST", "/articles",
                Map.of("title", "Hello", "views", "42", "tags", List.of("a", "b"), "seo", Map.of("slug", "hello"),
                        "remarks", List.of(Map.of("text", "first")), "id", 999, "score", 5, "insertedAt",
                        "2000-01-01T00:00:00", "lockVersion", 77));
        assertThat(response.status()).isEqualTo(201);
        Map<String, Object> article = response.json();
        assertThat(article.get("id")).isNotEqualTo(999);
        assertThat(article.get("views")).isEqualTo(42);
        assertThat(article.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(article.get("score")).as("writable NEVER: the database default, read back").isEqualTo(0);
        assertThat(article.get("lockVersion")).isEqualTo(1);
        assertThat((String) article.get("insertedAt")).doesNotStartWith("2000");
        Map<String, Object> seo = new java.util.LinkedHashMap<>();
        seo.put("slug", "hello");
        seo.put("description", null);
        assertThat(article.get("seo")).isEqualTo(seo);
    }

    @Test
    void createdStructSerializesWithoutRedactedFieldsAndWithEmbedsAsObjects() throws Exception {
        Response response = json("POST", "/articles", Map.of("title", "Hello", "secretNote", "hunter2", "seo",
                Map.of("slug", "hello"), "remarks", List.of(Map.of("text", "first"))));
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("secretNote");
        Map<String, Object> article = response.json();
        assertThat(article.keySet()).containsExactly("id", "title", "body", "views", "published", "tags", "score",
                "lockVersion", "seo", "insertedAt", "updatedAt", "remarks");
        assertThat(map(article.get("seo"))).containsEntry("slug", "hello");
        assertThat((List<?>) article.get("remarks")).singleElement()
            .satisfies(remark -> assertThat(map(remark)).containsEntry("text", "first"));
        assertThat(this.jdbc.queryForObject("SELECT secret_note FROM articles", String.class)).isEqualTo("hunter2");
    }

    @Test
    void leavesAssociationsThatWereNotLoadedOutOfTheJson() throws Exception {
        long id = create("Bare");
        assertThat(json("GET", "/articles/" + id + "/bare", "").json()).doesNotContainKey("remarks");
        assertThat(json("GET", "/articles/" + id, "").json()).containsEntry("remarks", List.of());
    }

    @Test
    void invalidChangesetAnswers422ProblemWithFieldErrors() throws Exception {
        Response response = json("POST", "/articles", Map.of("title", "", "views", "4.2", "secretNote", "hunter2"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json()).isEqualTo(Map.of("title", "Unprocessable Content", "status", 422, "detail",
                "The request has invalid fields", "instance", "/articles", "errors",
                Map.of("views", List.of("is invalid"), "title", List.of("can't be blank"))));
        assertThat(response.body()).doesNotContain("hunter2");
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles", Long.class)).isZero();
    }

    @Test
    void resolvesErrorMessagesThroughTheMessageSource() throws Exception {
        Response response = json("POST", "/articles", Map.of("title", "A title that is much too long"));
        assertThat(response.json().get("errors")).isEqualTo(Map.of("title", List.of("is longer than 20 characters")));
        assertThat(json("POST", "/articles/strict", Map.of("title", "t")).json().get("errors"))
            .isEqualTo(Map.of("body", List.of("a body is needed")));
    }

    @Test
    void uniqueConstraintAnswers422AndWritesNothing() throws Exception {
        create("Taken");
        Response response = json("POST", "/articles",
                Map.of("title", "Taken", "remarks", List.of(Map.of("text", "x"))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).isEqualTo(Map.of("title", List.of("has already been taken")));
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM remarks", Long.class)).isZero();
    }

    @Test
    void castsFormBodiesWithRepeatedAndBracketedParameters() throws Exception {
        Response response = form("/articles", "title=Form&views=7&tags=a&tags=b&seo%5Bslug%5D=form-slug&id=5");
        assertThat(response.status()).isEqualTo(201);
        Map<String, Object> article = response.json();
        assertThat(article.get("views")).isEqualTo(7);
        assertThat(article.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(map(article.get("seo"))).containsEntry("slug", "form-slug");
        assertThat(article.get("id")).isNotEqualTo(5);
    }

    @Test
    void updateLoadsByIdCastsPermittedFieldsAndUpdatesChildren() throws Exception {
        Map<String, Object> created = json("POST", "/articles", Map.of("title", "Old", "secretNote", "kept", "remarks",
                List.of(Map.of("text", "one"), Map.of("text", "two"))))
            .json();
        long id = ((Number) created.get("id")).longValue();
        Object firstRemark = ((Map<?, ?>) ((List<?>) created.get("remarks")).get(0)).get("id");
        Response response = json("PUT", "/articles/" + id, Map.of("title", "New", "secretNote", "changed", "score", 9,
                "remarks", List.of(Map.of("id", firstRemark, "text", "one, edited"))));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("title")).isEqualTo("New");
        assertThat(this.jdbc.queryForMap("SELECT title, secret_note, score FROM articles").values())
            .containsExactly("New", "kept", 0);
        assertThat(this.jdbc.queryForList("SELECT text FROM remarks", String.class)).containsExactly("one, edited");
    }

    @Test
    void missingStructsAnswer404() throws Exception {
        Response missing = json("GET", "/articles/999", "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
        assertThat(missing.json().get("detail")).isEqualTo("No Article with id 999");
        assertThat(json("PUT", "/articles/999", Map.of("title", "x")).status()).isEqualTo(404);
        assertThat(json("PUT", "/articles/abc", Map.of("title", "x")).status()).isEqualTo(404);
    }

    @Test
    void aSortByAnUnknownOrUnjoinedPropertyAnswers400() throws Exception {
        create("B");
        create("A");
        Response sorted = json("GET", "/articles?sort=title", "");
        assertThat(sorted.status()).isEqualTo(200);
        assertThat(sorted.body()).contains("\"title\":\"A\"");
        assertThat(sorted.body().indexOf("\"A\"")).isLessThan(sorted.body().indexOf("\"B\""));

        Response unknown = json("GET", "/articles?sort=nope", "");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(unknown.json()).containsEntry("detail", "Invalid sort")
            .containsEntry("errors", Map.of("sort", List.of("cannot sort by \"nope\": unknown field :nope on Article; "
                    + "its fields are [id, title, body, views, published, tags, secretNote, score, lockVersion, seo, insertedAt, updatedAt]")));
        Response unjoined = json("GET", "/articles?sort=remarks.body", "");
        assertThat(unjoined.status()).isEqualTo(400);
        assertThat(unjoined.json()).containsEntry("errors", Map
            .of("sort", List.of("cannot sort by \"remarks.body\": unknown field :remarks.body on Article; "
                    + "its fields are [id, title, body, views, published, tags, secretNote, score, lockVersion, seo, insertedAt, updatedAt]")));
    }

    @Test
    void staleUpdateAnswers409() throws Exception {
        long id = create("Locked");
        Response response = json("PUT", "/articles/" + id + "/locked", Map.of("title", "Changed"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail"))
            .isEqualTo("The resource was changed or deleted since it was read; read it again and retry");
        assertThat(this.jdbc.queryForObject("SELECT title FROM articles", String.class)).isEqualTo("Locked");
    }

    @Test
    void refusesMalformedDeepAndLargeBodiesWith4xx() throws Exception {
        Response malformed = json("POST", "/articles", "{\"title\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat((String) malformed.json().get("detail")).startsWith("The JSON body is malformed");
        assertThat(json("POST", "/articles", "[1, 2]").json().get("detail"))
            .isEqualTo("The JSON body must be an object");
        Response deep = json("POST", "/articles", "{\"title\": " + "[".repeat(100) + "]".repeat(100) + "}");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.json().get("detail")).isEqualTo("The JSON body nests deeper than 16 levels or is too large");
        Response deepBrackets = form("/articles", "title=x&tags" + "%5B%5D".repeat(650) + "=y");
        assertThat(deepBrackets.status()).isEqualTo(400);
        assertThat(deepBrackets.json().get("detail")).isEqualTo("The form parameter tags nests deeper than 16 levels");
        Response deeperForm = form("/articles", "title=x&tags" + "[]".repeat(2000) + "=y");
        assertThat(deeperForm.status()).as("depth counted before any regular expression").isEqualTo(400);
        assertThat(deeperForm.json().get("detail")).isEqualTo("The form parameter tags nests deeper than 16 levels");
        Response large = json("POST", "/articles", Map.of("title", "x", "body", "y".repeat(10_000)));
        assertThat(large.status()).isEqualTo(413);
        Response deepForm = form("/articles", "title=x&seo" + "%5Ba%5D".repeat(40) + "=1");
        assertThat(deepForm.status()).isEqualTo(400);
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles", Long.class)).isZero();
    }

    @Test
    void modelAttributesBindThroughTheCastingBinder() throws Exception {
        assertThat(form("/articles/form", "title=One&tags=solo").json().get("tags")).isEqualTo("[solo]");
        Response response = form("/articles/form", "title=Bound&views=x&id=5&score=3&tags=a&tags=b"
                + "&class.module.classLoader.defaultAssertionStatus=true&Class.Module.ClassLoader=1&seo.slug=nested");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).isEqualTo(Map.of("errors", List.of("views: is invalid"), "title", "Bound", "views",
                "null", "id", "null", "tags", "[a, b]"));
    }

    @Test
    void modelAttributeBindingErrorsAnswer422WithoutABindingResult() throws Exception {
        Response response = form("/articles/form/strict", "title=Bound&views=many");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).isEqualTo(Map.of("views", List.of("is invalid")));
        Response ok = form("/articles/form/strict", "title=Bound&views=3&published=1");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(ok.json()).containsEntry("views", 3).containsEntry("published", true);
    }

    @Test
    void bodiesThatAreNeitherJsonNorFormAnswer415() throws Exception {
        for (String type : List.of("text/plain", "application/xml")) {
            Response response = send("POST", "/articles", type,
                    type.equals("text/plain") ? "title=Plain" : "<title>Xml</title>");
            assertThat(response.status()).isEqualTo(415);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(response.json())
                .isEqualTo(Map.of("title", "Unsupported Media Type", "status", 415, "detail",
                        "The request body must be JSON (application/json) or a form "
                                + "(application/x-www-form-urlencoded or multipart/form-data)",
                        "instance", "/articles"));
        }
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles", Long.class)).isZero();
    }

    @Test
    void requestsWithoutABodyCastQueryParameters() throws Exception {
        Response response = send("POST", "/articles/strict?title=Query&body=Params", "text/plain", null);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json()).containsEntry("title", "Query").containsEntry("body", "Params");
    }

    @Test
    void valueTooLongForItsColumnAnswers422NamingTheField() throws Exception {
        Response response = json("POST", "/articles/strict", Map.of("title", "Long", "body", "y".repeat(2001)));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json()).isEqualTo(Map.of("title", "Unprocessable Content", "status", 422, "detail",
                "The request has invalid fields", "instance", "/articles/strict", "errors",
                Map.of("body", List.of("is longer than 2000 characters"))));
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM articles", Long.class)).isZero();
    }

    @Test
    void undeclaredConstraintOfAChangesetWriteAnswers409WithoutTheDatabaseMessage() throws Exception {
        create("Taken");
        Response response = json("POST", "/articles/strict", Map.of("title", "Taken", "body", "b"));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json()).isEqualTo(Map.of("title", "Conflict", "status", 409, "detail",
                "The request conflicts with data already stored", "instance", "/articles/strict"));
    }

    @Test
    void validationErrorsOfOrdinaryDtosGetSpringsDefaultAnswer() throws Exception {
        Response response = json("POST", "/signups", Map.of("email", ""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.json()).containsEntry("error", "Bad Request")
            .containsEntry("path", "/signups")
            .doesNotContainKey("detail");
    }

    @Test
    void integrityViolationsOutsideChangesetWritesAnswer409WithoutTheDatabaseMessage() throws Exception {
        Response response = json("POST", "/signups/duplicate", "");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json()).containsEntry("detail", "The request conflicts with data already stored")
            .containsEntry("status", 409);
    }

    @Test
    void aNotNullColumnAStructWriteLeftEmptyAnswers422CantBeBlankOnItsField() throws Exception {
        Response response = json("POST", "/reviews", Map.of("stars", 3));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json()).isEqualTo(
                Map.of("title", "Unprocessable Content", "status", 422, "detail", "The request has invalid fields",
                        "instance", "/reviews", "errors", Map.of("headline", List.of("can't be blank"))));
        assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM reviews", Long.class)).isZero();
    }

    @Test
    void aCheckConstraintRefusingAStructWriteAnswers422() throws Exception {
        Response response = json("POST", "/reviews", Map.of("headline", "Great", "stars", 9));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json()).isEqualTo(Map.of("title", "Unprocessable Content", "status", 422, "detail",
                "The request has a value the database refused", "instance", "/reviews"));
        assertThat(json("POST", "/reviews", Map.of("headline", "Great", "stars", 5)).status()).isEqualTo(201);
    }

    @Test
    void deletesAndAnswers204() throws Exception {
        long id = create("Gone");
        assertThat(json("DELETE", "/articles/" + id, "").status()).isEqualTo(204);
        assertThat(json("GET", "/articles/" + id, "").status()).isEqualTo(404);
    }

}
