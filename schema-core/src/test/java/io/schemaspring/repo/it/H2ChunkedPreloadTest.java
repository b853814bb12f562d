package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.Binding;
import io.schemaspring.repo.dialect.H2Dialect;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.Comment;
import io.schemaspring.repo.it.fixtures.Post;
import io.schemaspring.repo.it.fixtures.Tag;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Without array parameters, preload keys go in IN lists chunked within the database's
 * parameter limit.
 */
class H2ChunkedPreloadTest {

    /**
     * H2 seen as a database without arrays and with room for 11 parameters per statement.
     */
    static final class TinyLimitDialect extends H2Dialect {

        TinyLimitDialect() {
            super(LetterCase.UPPER);
        }

        @Override
        public boolean supportsArrays() {
            return false;
        }

        @Override
        public Binding binding() {
            Binding h2 = super.binding();
            return new Binding() {

                @Override
                public int maxParameters() {
                    return 11;
                }

                @Override
                public int maxKeysPerList() {
                    return h2.maxKeysPerList();
                }

                @Override
                public String jsonParameter() {
                    return h2.jsonParameter();
                }

            };
        }

    }

    @Test
    void chunksPreloadKeysWithinTheParameterLimitWithoutArrays() throws Exception {
        SingleConnectionDataSource connection = new SingleConnectionDataSource("jdbc:h2:mem:chunked;DB_CLOSE_DELAY=-1",
                true);
        try (Connection raw = connection.getConnection()) {
            ScriptUtils.executeSqlScript(raw, new ClassPathResource("it/h2.sql"));
        }
        CountingDataSource dataSource = new CountingDataSource(connection);
        SchemaRegistry registry = SchemaRegistry.builder()
            .add(Author.class, Post.class, Comment.class, Tag.class)
            .build();
        Repo repo = new Repo(registry, new JdbcTemplate(dataSource), new TinyLimitDialect(),
                JsonMapper.builder().build(), new DataSourceTransactionManager(dataSource), Clock.systemUTC());
        Author author = repo.insert(Author.named("jose"));
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            posts.add(Post.titled("post " + i, author));
        }
        repo.insertAll(posts);
        List<Comment> comments = repo.all(Query.from(Post.class))
            .stream()
            .map(post -> Comment.on(post, post.title))
            .toList();
        repo.insertAll(comments);
        dataSource.reset();

        List<Post> loaded = repo.all(Query.from(Post.class).preload("comments"));

        // one statement for the posts, then 25 keys in IN lists of at most 11 parameters
        assertThat(dataSource.statements()).hasSize(1 + 3);
        assertThat(dataSource.statements().get(1))
            .endsWith("WHERE \"POST_ID\" IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ORDER BY \"ID\"");
        assertThat(dataSource.statements().get(3)).as("the last 3 keys in a list of 4, the last key repeated")
            .endsWith("WHERE \"POST_ID\" IN (?, ?, ?, ?) ORDER BY \"ID\"");
        assertThat(loaded)
            .allSatisfy(post -> assertThat(post.comments).extracting(c -> c.body).containsExactly(post.title));

        dataSource.reset();
        List<Post> filtered = repo
            .all(Query.from(Post.class).preload("comments", Query.from(Comment.class).where("approved", true)));

        // the preload query's own parameter leaves room for 10 keys per statement: 10,
        // 10, then 5 in a list of 8
        assertThat(dataSource.statements()).hasSize(1 + 3);
        assertThat(dataSource.statements().get(1))
            .endsWith("WHERE \"POST_ID\" IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) " + "AND \"APPROVED\" = ? ORDER BY \"ID\"");
        assertThat(dataSource.statements().get(3))
            .endsWith("WHERE \"POST_ID\" IN (?, ?, ?, ?, ?, ?, ?, ?) " + "AND \"APPROVED\" = ? ORDER BY \"ID\"");
        assertThat(filtered)
            .allSatisfy(post -> assertThat(post.comments).extracting(c -> c.body).containsExactly(post.title));
        connection.destroy();
    }

    @Test
    void chunksH2PreloadKeysInListsOf1024() throws Exception {
        SingleConnectionDataSource connection = new SingleConnectionDataSource(
                "jdbc:h2:mem:chunked1024;DB_CLOSE_DELAY=-1", true);
        try (Connection raw = connection.getConnection()) {
            ScriptUtils.executeSqlScript(raw, new ClassPathResource("it/h2.sql"));
        }
        CountingDataSource dataSource = new CountingDataSource(connection);
        SchemaRegistry registry = SchemaRegistry.builder()
            .add(Author.class, Post.class, Comment.class, Tag.class)
            .build();
        Repo repo = new Repo(registry, new JdbcTemplate(dataSource), new H2Dialect(Dialect.LetterCase.UPPER),
                JsonMapper.builder().build(), new DataSourceTransactionManager(dataSource), Clock.systemUTC());
        Author author = repo.insert(Author.named("jose"));
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            posts.add(Post.titled("post " + i, author));
        }
        repo.insertAll(posts);
        repo.insertAll(repo.all(Query.from(Post.class)).stream().map(post -> Comment.on(post, post.title)).toList());
        dataSource.reset();

        List<Post> loaded = repo.all(Query.from(Post.class).preload("comments"));

        // 2,500 keys: 1,024, 1,024, then 452 in a list of 512
        assertThat(dataSource.statements()).hasSize(1 + 3);
        assertThat(dataSource.statements().get(1).split("\\?", -1)).hasSize(1024 + 1);
        assertThat(dataSource.statements().get(2).split("\\?", -1)).hasSize(1024 + 1);
        assertThat(dataSource.statements().get(3).split("\\?", -1)).hasSize(512 + 1);
        assertThat(loaded).hasSize(2500)
            .allSatisfy(post -> assertThat(post.comments).extracting(c -> c.body).containsExactly(post.title));
        connection.destroy();
    }

}
