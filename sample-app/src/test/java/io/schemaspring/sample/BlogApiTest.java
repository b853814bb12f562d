package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.data.SchemaRepository;
import io.schemaspring.sample.blog.Post;
import io.schemaspring.sample.blog.Tag;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** The sample application end to end, over real HTTP, as a client uses it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1")
class BlogApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    @Autowired
    private SchemaRepository<Post, Long> posts;

    @Autowired
    private SchemaRepository<Tag, Long> tags;

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newHttpClient();

    record Response(int status, String contentType, String body) {

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return JSON.readValue(this.body, Map.class);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            return JSON.readValue(this.body, List.class);
        }
    }

    private Response call(String method, String path, Object body) throws Exception {
        return send(method, path, body == null ? null : JSON.writeValueAsString(body));
    }

    private Response send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", "application/json")
            .method(method,
                    json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private Response form(String path, String body) throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .build()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private long register(String name, String email) throws Exception {
        Response response = call("POST", "/api/users",
                Map.of("name", name, "email", email, "password", "correct horse battery", "passwordConfirmation",
                        "correct horse battery", "profile", Map.of("bio", "Writes about " + name)));
        assertThat(response.status()).isEqualTo(201);
        return ((Number) response.json().get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object value, Object... path) {
        Object current = value;
        for (Object step : path) {
            current = step instanceof Integer index ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    @Test
    void registersUsersWithARedactedPasswordAndAnEmbeddedProfile() throws Exception {
        long id = register("Ada", "ada@example.com");
        Map<String, Object> user = call("GET", "/api/users/" + id, null).json();
        assertThat(user.keySet()).containsExactly("id", "name", "email", "profile", "insertedAt", "updatedAt");
        assertThat(at(user, "profile", "bio").toString()).isEqualTo("Writes about Ada");
        assertThat(user.toString()).doesNotContain("correct horse");
        Response duplicate = call("POST", "/api/users", Map.of("name", "Ada 2", "email", "ada@example.com", "password",
                "short", "passwordConfirmation", "other"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("errors"))
            .isEqualTo(Map.of("password", List.of("should be at least 8 character(s)"), "passwordConfirmation",
                    List.of("does not match confirmation")));
        Response taken = call("POST", "/api/users", Map.of("name", "Ada 2", "email", "ada@example.com", "password",
                "long enough", "passwordConfirmation", "long enough"));
        assertThat(taken.json().get("errors")).isEqualTo(Map.of("email", List.of("has already been taken")));
    }

    @Test
    void createsListsShowsUpdatesAndDeletesPosts() throws Exception {
        long author = register("Grace", "grace@example.com");
        Response created = call("POST", "/api/posts",
                Map.of("title", "Preloading", "body", "One query per level.", "userId", author, "published", "true",
                        "tags", List.of("Ecto", "jdbc"), "links",
                        List.of(Map.of("title", "Ecto", "url", "https://hexdocs.pm/ecto"))));
        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.json().get("id")).longValue();
        assertThat(at(created.json(), "links", 0, "id").toString()).hasSize(36);

        Response comment = call("POST", "/api/posts/" + id + "/comments", Map.of("body", "Nice!"));
        assertThat(comment.status()).isEqualTo(201);

        Map<String, Object> shown = call("GET", "/api/posts/" + id, null).json();
        assertThat(at(shown, "user", "name").toString()).isEqualTo("Grace");
        assertThat((List<?>) shown.get("comments")).extracting(c -> at(c, "body")).containsExactly("Nice!");
        assertThat((List<?>) shown.get("tags")).extracting(t -> at(t, "name")).containsExactly("ecto", "jdbc");
        assertThat(shown.get("published")).isEqualTo(true);

        Map<String, Object> page = call("GET", "/api/posts?page=0&size=1", null).json();
        assertThat(page.get("size")).isEqualTo(1);
        assertThat(((Number) page.get("totalElements")).longValue())
            .isEqualTo(((Number) page.get("totalPages")).longValue());
        assertThat(at(page, "content", 0, "title").toString()).isEqualTo("Preloading");

        Response updated = call("PUT", "/api/posts/" + id, Map.of("title", "Preloading, updated", "userId", 999));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("title")).isEqualTo("Preloading, updated");
        assertThat(((Number) updated.json().get("userId")).longValue()).as("userId is not permitted on update")
            .isEqualTo(author);

        assertThat(call("DELETE", "/api/posts/" + id, null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/posts/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void answersFieldErrorsAnd404sAsProblems() throws Exception {
        Response invalid = call("POST", "/api/posts", Map.of("title", "", "userId", "someone", "published", "maybe"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.contentType()).isEqualTo("application/problem+json");
        assertThat(invalid.json().get("errors")).isEqualTo(Map.of("userId", List.of("is invalid"), "published",
                List.of("is invalid"), "title", List.of("can't be blank"), "body", List.of("can't be blank")));
        Response unknownAuthor = call("POST", "/api/posts", Map.of("title", "t", "body", "b", "userId", 424242));
        assertThat(unknownAuthor.json().get("errors")).isEqualTo(Map.of("userId", List.of("does not exist")));
        Response missing = call("GET", "/api/posts/424242", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail")).isEqualTo("No Post with id 424242");
        assertThat(call("POST", "/api/posts/424242/comments", Map.of("body", "x")).status()).isEqualTo(404);
    }

    @Test
    void keepsEachTenantsDataInItsOwnDatabaseSchema() throws Exception {
        List<Map<String, Object>> acmeUsers = call("GET", "/api/tenants/acme/posts", null).list();
        assertThat(acmeUsers).isEmpty();
        Response created = call("POST", "/api/tenants/acme/posts",
                Map.of("title", "Acme news", "body", "Only for Acme.", "userId", 1, "tags", List.of("acme")));
        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.json().get("id")).longValue();

        assertThat(call("GET", "/api/tenants/acme/posts", null).list()).extracting(post -> post.get("title"))
            .containsExactly("Acme news");
        assertThat(at(call("GET", "/api/tenants/acme/posts/" + id, null).json(), "user", "name").toString())
            .isEqualTo("Acme Writer");
        assertThat(call("GET", "/api/posts?size=100", null).json().toString()).doesNotContain("Acme news");

        Response updated = call("PUT", "/api/tenants/acme/posts/" + id, Map.of("title", "Acme news, updated"));
        assertThat(updated.json().get("title")).isEqualTo("Acme news, updated");
        assertThat(call("GET", "/api/tenants/acme/posts", null).list()).extracting(post -> post.get("title"))
            .containsExactly("Acme news, updated");

        Response unknown = call("GET", "/api/tenants/nobody/posts", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail")).isEqualTo("There is no tenant with that name");
        assertThat(call("GET", "/api/tenants/public;drop/posts", null).status()).isEqualTo(404);
    }

    private long post(long author, String title) throws Exception {
        Response created = call("POST", "/api/posts",
                Map.of("title", title, "body", "About " + title, "userId", author));
        assertThat(created.status()).isEqualTo(201);
        return ((Number) created.json().get("id")).longValue();
    }

    @Test
    void exportsEveryPostAsNewlineDelimitedJsonStreamedFromACursor() throws Exception {
        long author = register("Niklaus", "niklaus@example.com");
        post(author, "Export one");
        post(author, "Export two");
        Response export = call("GET", "/api/posts/export", null);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).isEqualTo("application/x-ndjson");
        List<Map<String, Object>> lines = export.body()
            .lines()
            .map(line -> (Map<String, Object>) JSON.readValue(line, Map.class))
            .toList();
        assertThat(lines).hasSize((int) this.posts.count());
        assertThat(lines).extracting(line -> line.get("title")).containsSubsequence("Export one", "Export two");
        assertThat(lines.get(lines.size() - 1)).containsKeys("id", "title", "body", "userId", "insertedAt")
            .doesNotContainKeys("user", "comments", "tags", "meta");
    }

    @Test
    void tenConcurrentPostsSharingANewTagAllSucceedAndCreateItOnce() throws Exception {
        TagRace.run(this.port, register("Racer", "racer@example.com"), this.jdbc, "tags");
    }

    @Test
    void searchesTitlesAndBodiesInAnyCaseAndFiltersByTag() throws Exception {
        long author = register("Searcher", "searcher@example.com");
        String marker = "Zq" + System.nanoTime();
        Response tagged = call("POST", "/api/posts",
                Map.of("title", "About " + marker, "body", "plain", "userId", author, "tags", List.of("findme")));
        assertThat(tagged.status()).isEqualTo(201);
        post(author, "Unrelated");
        Response inBody = call("POST", "/api/posts",
                Map.of("title", "Other", "body", "mentions " + marker.toLowerCase(), "userId", author));
        assertThat(inBody.status()).isEqualTo(201);
        assertThat(call("GET", "/api/posts/search?q=" + marker.toUpperCase(), null).list())
            .extracting(post -> post.get("title"))
            .containsExactly("Other", "About " + marker);
        assertThat(call("GET", "/api/posts/search?q=" + marker + "&tag=FindMe", null).list())
            .extracting(post -> post.get("title"))
            .containsExactly("About " + marker);
    }

    @Test
    void countsAndAveragesEachAuthorsPostsGroupedByAuthor() throws Exception {
        long author = register("Statistician", "statistician@example.com");
        call("POST", "/api/posts", Map.of("title", "Two words", "body", "one two", "userId", author));
        call("POST", "/api/posts", Map.of("title", "Four words", "body", "one two three four", "userId", author));
        List<Map<String, Object>> stats = call("GET", "/api/users/stats", null).list();
        assertThat(stats).filteredOn(row -> ((Number) row.get("userId")).longValue() == author)
            .containsExactly(Map.of("userId", (int) author, "name", "Statistician", "posts", 2, "averageWords", 3.0));
    }

    @Test
    void ranksEachAuthorsPublishedPostsByLengthThroughACommonTableExpressionAndAWindow() throws Exception {
        long ranker = register("Ranker", "ranker@example.com");
        long other = register("Rankless", "rankless@example.com");
        long shortPost = published(ranker, "Short", "one");
        long tiedA = published(ranker, "Tied A", "one two three");
        long tiedB = published(ranker, "Tied B", "four five six");
        call("POST", "/api/posts", Map.of("title", "Draft", "body", "a b c d e f g", "userId", ranker));
        long otherPost = published(other, "Other", "one two");

        List<Map<String, Object>> ranked = call("GET", "/api/posts/longest", null).list();
        assertThat(ranked).filteredOn(row -> List.of("Ranker", "Rankless").contains(row.get("author")))
            .containsExactly(
                    Map.of("id", (int) tiedA, "title", "Tied A", "author", "Ranker", "wordCount", 3, "rank", 1),
                    Map.of("id", (int) tiedB, "title", "Tied B", "author", "Ranker", "wordCount", 3, "rank", 1),
                    Map.of("id", (int) shortPost, "title", "Short", "author", "Ranker", "wordCount", 1, "rank", 3),
                    Map.of("id", (int) otherPost, "title", "Other", "author", "Rankless", "wordCount", 2, "rank", 1));
    }

    private long published(long author, String title, String body) throws Exception {
        Response created = call("POST", "/api/posts",
                Map.of("title", title, "body", body, "published", true, "userId", author));
        assertThat(created.status()).isEqualTo(201);
        return ((Number) created.json().get("id")).longValue();
    }

    @Test
    void pagesAUsersPostsNewestFirstInsteadOfPreloadingThemAll() throws Exception {
        long author = register("Barbara", "barbara@example.com");
        post(author, "First");
        post(author, "Second");
        post(author, "Third");
        assertThat(call("GET", "/api/users/" + author, null).json()).doesNotContainKey("posts");

        Map<String, Object> first = call("GET", "/api/users/" + author + "/posts?page=0&size=2", null).json();
        assertThat((List<?>) first.get("content")).extracting(p -> at(p, "title")).containsExactly("Third", "Second");
        assertThat(first).containsEntry("page", 0)
            .containsEntry("size", 2)
            .containsEntry("totalElements", 3)
            .containsEntry("totalPages", 2);
        Map<String, Object> second = call("GET", "/api/users/" + author + "/posts?page=1&size=2", null).json();
        assertThat((List<?>) second.get("content")).extracting(p -> at(p, "title")).containsExactly("First");

        Map<String, Object> defaults = call("GET", "/api/users/" + author + "/posts", null).json();
        assertThat(defaults).containsEntry("page", 0).containsEntry("size", 20);
        assertThat(call("GET", "/api/users/" + author + "/posts?size=5000", null).json()).containsEntry("size", 100);
        assertThat(call("GET", "/api/users/424242/posts", null).status()).isEqualTo(404);
    }

    @Test
    void pagesThePostsPageWithLinksToTheNextAndPreviousPages() throws Exception {
        long author = register("Edsger", "edsger@example.com");
        post(author, "Page one A");
        post(author, "Page one B");
        post(author, "Page one C");

        Response first = call("GET", "/posts?size=2", null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(titlesOn(first.body())).containsExactly("Page one C", "Page one B");
        assertThat(first.body()).contains("<a id=\"next-page\" href=\"/posts?page=1&amp;size=2\">Older posts</a>")
            .doesNotContain("previous-page");

        Response second = call("GET", "/posts?page=1&size=2", null);
        assertThat(titlesOn(second.body())).first().isEqualTo("Page one A");
        assertThat(second.body()).contains("<a id=\"previous-page\" href=\"/posts?page=0&amp;size=2\">Newer posts</a>");

        assertThat(titlesOn(call("GET", "/posts?size=0", null).body())).hasSize(1);
        assertThat(titlesOn(call("GET", "/posts?page=-3&size=2", null).body())).containsExactly("Page one C",
                "Page one B");
    }

    private static List<String> titlesOn(String html) {
        return html.lines()
            .filter(line -> line.contains("class=\"title\""))
            .map(line -> line.replaceAll(".*<a class=\"title\" href=\"/posts/\\d+\">(.*)</a>.*", "$1"))
            .toList();
    }

    @Test
    void refusesTagsThatAreNotNonBlankStringsAndWritesNothing() throws Exception {
        long author = register("Alan", "alan@example.com");
        long postsBefore = this.posts.count();
        long tagsBefore = this.tags.count();

        Response junk = call("POST", "/api/posts", Map.of("title", "Junk tags", "body", "b", "userId", author, "tags",
                Arrays.asList(1, null, Map.of("a", 1), true, "")));
        assertThat(junk.status()).isEqualTo(422);
        assertThat(junk.json().get("errors")).isEqualTo(Map.of("tags",
                List.of("has a tag that is no text at position 1", "has a tag that is no text at position 2",
                        "has a tag that is no text at position 3", "has a tag that is no text at position 4",
                        "has a blank tag at position 5")));

        Response blank = call("POST", "/api/posts",
                Map.of("title", "Blank tag", "body", "b", "userId", author, "tags", List.of("fine", "   ")));
        assertThat(blank.json().get("errors")).isEqualTo(Map.of("tags", List.of("has a blank tag at position 2")));

        Response notAList = call("POST", "/api/posts",
                Map.of("title", "Tags as text", "body", "b", "userId", author, "tags", "a,b"));
        assertThat(notAList.json().get("errors")).isEqualTo(Map.of("tags", List.of("is invalid")));

        Response tooLong = call("POST", "/api/posts",
                Map.of("title", "Long tag", "body", "b", "userId", author, "tags", List.of("fine", "x".repeat(41))));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors"))
            .isEqualTo(Map.of("tags", List.of("should be at most 40 character(s)")));

        Response tooMany = call("POST", "/api/posts", Map.of("title", "Many tags", "body", "b", "userId", author,
                "tags", IntStream.rangeClosed(1, 11).mapToObj(i -> "tag" + i).toList()));
        assertThat(tooMany.json().get("errors")).isEqualTo(Map.of("tags", List.of("should have at most 10 item(s)")));

        Response alsoInvalidPost = call("POST", "/api/posts",
                Map.of("title", "", "body", "b", "userId", author, "tags", List.of("fresh", 2)));
        assertThat(alsoInvalidPost.json().get("errors")).isEqualTo(
                Map.of("title", List.of("can't be blank"), "tags", List.of("has a tag that is no text at position 2")));

        Response unknownAuthor = call("POST", "/api/posts",
                Map.of("title", "Orphan", "body", "b", "userId", 424242, "tags", List.of("orphan")));
        assertThat(unknownAuthor.json().get("errors")).as("the tag is inserted, then rolled back with the post")
            .isEqualTo(Map.of("userId", List.of("does not exist")));

        assertThat(this.posts.count()).isEqualTo(postsBefore);
        assertThat(this.tags.count()).isEqualTo(tagsBefore);
    }

    @Test
    void aLinkWithoutAnUrlIsAFieldErrorAndNothingIsStored() throws Exception {
        long author = register("Linus", "linus@example.com");
        long postsBefore = this.posts.count();

        Response response = call("POST", "/api/posts", Map.of("title", "Links", "body", "b", "userId", author, "links",
                List.of(Map.of("title", "Fine", "url", "https://example.com"), Map.of("title", "Empty", "url", ""))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).isEqualTo(Map.of("links[1].url", List.of("can't be blank")));
        assertThat(this.posts.count()).isEqualTo(postsBefore);
    }

    @Test
    void linksATagOnceWhateverItsCaseAndSpaces() throws Exception {
        long author = register("Barbara L", "liskov@example.com");
        Response created = call("POST", "/api/posts", Map.of("title", "Duplicates", "body", "b", "userId", author,
                "tags", List.of("dup", "DUP", " dup ", "Other")));
        assertThat(created.status()).isEqualTo(201);
        long id = ((Number) created.json().get("id")).longValue();
        Map<String, Object> shown = call("GET", "/api/posts/" + id, null).json();
        assertThat((List<?>) shown.get("tags")).extracting(t -> at(t, "name")).containsExactly("dup", "other");

        Response exactlyTen = call("POST", "/api/posts", Map.of("title", "Ten tags", "body", "b", "userId", author,
                "tags", List.of("t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "T1", " t2 ")));
        assertThat(exactlyTen.status()).as("12 names, 10 after de-duplication").isEqualTo(201);
    }

    @Test
    void refusesAStringWithAnUnpairedSurrogate() throws Exception {
        long author = register("Claude", "claude@example.com");
        // The escape as the client sent it: a Java string holding the lone surrogate has
        // no UTF-8 form to send.
        Response response = send("POST", "/api/posts",
                "{\"title\": \"\\ud800\", \"body\": \"b\", \"userId\": " + author + "}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors")).isEqualTo(Map.of("title", List.of("is invalid")));
    }

    @Test
    void registersAnEmailOnceWhateverItsCaseAndSpaces() throws Exception {
        long id = register("Ann", "  Ann@Example.COM ");
        assertThat(call("GET", "/api/users/" + id, null).json().get("email")).isEqualTo("ann@example.com");
        Response again = call("POST", "/api/users", Map.of("name", "Ann 2", "email", "ann@EXAMPLE.com", "password",
                "long enough", "passwordConfirmation", "long enough"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("errors")).isEqualTo(Map.of("email", List.of("has already been taken")));
    }

    @Test
    void theHtmlFormAnswers422ForAMissingOrUnknownUserAndCannotSetServerFields() throws Exception {
        long author = register("Formal", "formal@example.com");
        Response missing = form("/posts", "title=T&body=one+two");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body()).contains("can&#39;t be blank");
        Response unknown = form("/posts", "title=T&body=one+two&userId=999999");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("does not exist");
        Response created = form("/posts", "title=Formed&body=one+two+three&userId=" + author + "&wordCount=999&id=77");
        assertThat(created.status()).isEqualTo(302);
        assertThat(this.jdbc.queryForMap("SELECT id, word_count FROM posts WHERE title = 'Formed'"))
            .containsEntry("word_count", 3)
            .doesNotContainEntry("id", 77L);
    }

    @Test
    void aContentTypeThatIsNotOneAnswers415() throws Exception {
        for (String contentType : new String[] { ";;;", "application/json; charset=nope" }) {
            HttpResponse<String> response = this.client
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/posts"))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(contentType).isEqualTo(415);
        }
    }

    @Test
    void aPutFromAStaleReadAnswers412InsteadOfOverwritingTheNewerPost() throws Exception {
        long author = register("Etag", "etag" + System.nanoTime() + "@example.com");
        long id = ((Number) call("POST", "/api/posts", Map.of("title", "Versioned", "body", "b", "userId", author))
            .json()
            .get("id")).longValue();
        HttpResponse<String> read = this.client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/posts/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"0\"");
        HttpResponse<String> first = put(id, "{\"title\": \"Theirs\"}", etag);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("ETag")).contains("\"1\"");
        HttpResponse<String> stale = put(id, "{\"title\": \"Mine\"}", etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(this.posts.getOrThrow(id).getTitle()).isEqualTo("Theirs");
    }

    private HttpResponse<String> put(long id, String json, String ifMatch) throws Exception {
        return this.client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/posts/" + id))
            .header("Content-Type", "application/json")
            .header("If-Match", ifMatch)
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
