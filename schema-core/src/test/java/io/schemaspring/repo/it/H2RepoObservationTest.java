package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Multi;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.StaleEntryException;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.Comment;
import io.schemaspring.repo.it.fixtures.Post;
import io.schemaspring.repo.it.fixtures.Tag;
import io.schemaspring.repo.observation.DefaultRepoObservationConvention;
import io.schemaspring.repo.observation.RepoObservationContext;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every public {@code Repo} operation is one {@code schema.repo} observation with
 * low-cardinality keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class H2RepoObservationTest {

    SingleConnectionDataSource dataSource;

    JdbcTemplate jdbc;

    Repo repo;

    TestObservationRegistry observations;

    @BeforeAll
    void connect() throws Exception {
        this.dataSource = new SingleConnectionDataSource("jdbc:h2:mem:repo_observation;DB_CLOSE_DELAY=-1", true);
        try (Connection raw = this.dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(raw, new ClassPathResource(TestDatabase.H2.script()));
        }
        SchemaRegistry registry = SchemaRegistry.builder()
            .add(Author.class, Post.class, Comment.class, Tag.class)
            .build();
        this.jdbc = new JdbcTemplate(this.dataSource);
        this.repo = new Repo(registry, this.jdbc, DialectResolver.resolve(this.dataSource),
                JsonMapper.builder().build(), new DataSourceTransactionManager(this.dataSource), RepoContract.CLOCK);
    }

    @AfterAll
    void disconnect() {
        this.dataSource.destroy();
    }

    @BeforeEach
    void observe() {
        List.of("comments", "posts_tags", "posts", "tags", "authors")
            .forEach(table -> this.jdbc.update("DELETE FROM " + table));
        this.observations = TestObservationRegistry.create();
        this.repo.setObservationRegistry(this.observations);
        this.repo.setObservationConvention(null);
    }

    @Test
    void aReadIsObservedWithSchemaOperationAndSuccess() {
        this.repo.all(Post.class);

        assertThat(observed())
            .containsExactly("schema.repo 'all Post' {exception=none, operation=all, outcome=success, schema=Post}");
    }

    @Test
    void aWriteIsObservedWithSchemaOperationAndSuccess() {
        this.repo.insert(Author.named("jose"));

        assertThat(observed()).containsExactly(
                "schema.repo 'insert Author' {exception=none, operation=insert, outcome=success, schema=Author}");
    }

    @Test
    void aFailingOperationIsObservedWithTheErrorAndTheExceptionsSimpleName() {
        Post post = this.repo.insert(Post.titled("first", this.repo.insert(Author.named("jose"))));
        this.jdbc.update("DELETE FROM posts");
        this.observations.clear();

        assertThatThrownBy(() -> this.repo.update(post)).isInstanceOf(StaleEntryException.class);

        assertThat(observed()).containsExactly(
                "schema.repo 'update Post' {exception=StaleEntryException, operation=update, outcome=error, schema=Post}");
        assertThat(this.observations).hasHandledContextsThatSatisfy(
                contexts -> assertThat(contexts.get(0).getError()).isInstanceOf(StaleEntryException.class));
    }

    @Test
    void convenienceOverloadsAreObservedOnceAsTheOperationTheyRun() {
        Author author = this.repo.insert(Author.named("jose"));
        this.observations.clear();

        this.repo.count(Author.class);
        this.repo.getOrThrow(Author.class, author.id);
        this.repo.getBy(Author.class, Map.of("name", "jose"));
        this.repo.exists(Query.from(Author.class));
        this.repo.preload(author, "posts");
        this.repo.deleteAll(Query.from(Post.class));

        assertThat(observed()).containsExactly(
                "schema.repo 'count Author' {exception=none, operation=count, outcome=success, schema=Author}",
                "schema.repo 'get Author' {exception=none, operation=get, outcome=success, schema=Author}",
                "schema.repo 'one Author' {exception=none, operation=one, outcome=success, schema=Author}",
                "schema.repo 'exists Author' {exception=none, operation=exists, outcome=success, schema=Author}",
                "schema.repo 'preload Author' {exception=none, operation=preload, outcome=success, schema=Author}",
                "schema.repo 'deleteAll Post' {exception=none, operation=deleteAll, outcome=success, schema=Post}");
    }

    @Test
    void aTransactionIsTheParentOfItsStepsAndHasNoSchema() {
        this.repo.transaction(Multi.create().insert("author", Author.named("jose")));

        assertThat(observed()).containsExactly(
                "schema.repo 'transaction' {exception=none, operation=transaction, outcome=success, schema=none}",
                "schema.repo 'insert Author' {exception=none, operation=insert, outcome=success, schema=Author}");
        assertThat(this.observations)
            .hasHandledContextsThatSatisfy(contexts -> assertThat(contexts.get(1).getParentObservation())
                .extracting(parent -> parent.getContextView().getContextualName())
                .isEqualTo("transaction"));
    }

    @Test
    void aUserConventionReplacesTheDefault() {
        this.repo.setObservationConvention(new DefaultRepoObservationConvention() {
            @Override
            public String getName() {
                return "blog.repo";
            }

            @Override
            public KeyValues getLowCardinalityKeyValues(RepoObservationContext context) {
                return super.getLowCardinalityKeyValues(context).and(KeyValue.of("tenant", "public"));
            }
        });

        this.repo.count(Post.class);

        assertThat(observed()).containsExactly(
                "blog.repo 'count Post' {exception=none, operation=count, outcome=success, schema=Post, tenant=public}");
    }

    @Test
    void nothingIsObservedWithTheNoopRegistry() {
        this.repo.setObservationRegistry(io.micrometer.observation.ObservationRegistry.NOOP);

        this.repo.insert(Author.named("jose"));

        assertThat(observed()).isEmpty();
    }

    /**
     * Each stopped observation as {@code name 'contextual name' {low-cardinality keys}},
     * in start order.
     */
    private List<String> observed() {
        List<String> observed = new java.util.ArrayList<>();
        assertThat(this.observations)
            .hasHandledContextsThatSatisfy(contexts -> contexts.forEach(context -> observed.add(describe(context))));
        return observed;
    }

    private static String describe(Observation.Context context) {
        StringBuilder keys = new StringBuilder();
        for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
            keys.append(keys.isEmpty() ? "" : ", ").append(keyValue.getKey()).append('=').append(keyValue.getValue());
        }
        return context.getName() + " '" + context.getContextualName() + "' {" + keys + "}";
    }

}
