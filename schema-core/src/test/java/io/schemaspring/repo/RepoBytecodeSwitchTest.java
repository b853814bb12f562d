package io.schemaspring.repo;

import io.schemaspring.query.ProjectionQuery;
import io.schemaspring.query.Query;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.SchemaSettings;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.Comment;
import io.schemaspring.repo.it.fixtures.Post;
import io.schemaspring.repo.it.fixtures.Tag;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class RepoBytecodeSwitchTest {

    private final DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:bytecode_switch");

    @Test
    void readsRowsWithGeneratedReadersByDefault() {
        Repo repo = Repo.create(
                SchemaRegistry.builder().add(Post.class, Author.class, Comment.class, Tag.class).build(),
                this.dataSource);
        assertThat(repo.mapping(Post.class).generated()).isTrue();
        assertThat(repo.registry().get(Post.class).field("title").accessor().generated()).isTrue();
    }

    @Test
    void readsRowsThroughCodecsWhenBytecodeIsSwitchedOff() {
        SchemaRegistry registry = SchemaRegistry.builder()
            .settings(SchemaSettings.builder().bytecode(false).build())
            .add(Post.class, Author.class, Comment.class, Tag.class)
            .build();
        Repo repo = Repo.create(registry, this.dataSource);
        assertThat(repo.mapping(Post.class).generated()).isFalse();
        assertThat(repo.mapping(Author.class).generated()).isFalse();
        assertThat(registry.get(Post.class).field("title").accessor().generated()).isFalse();
    }

    record PostTitle(long id, String title) {
    }

    @Test
    void fillsProjectionsWithAGeneratedReaderByDefaultAndThroughReflectionWhenSwitchedOff() {
        DriverManagerDataSource database = new DriverManagerDataSource(
                "jdbc:h2:mem:bytecode_projection_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new JdbcTemplate(database).execute("CREATE TABLE posts (id BIGINT PRIMARY KEY, title VARCHAR(100)); "
                + "INSERT INTO posts VALUES (1, 'first')");
        for (boolean bytecode : new boolean[] { true, false }) {
            SchemaRegistry registry = SchemaRegistry.builder()
                .settings(SchemaSettings.builder().bytecode(bytecode).build())
                .add(Post.class, Author.class, Comment.class, Tag.class)
                .build();
            ProjectionQuery<PostTitle> titles = Query.from(Post.class).select(PostTitle.class);
            Repo repo = Repo.create(registry, database);
            assertThat(repo.all(titles)).containsExactly(new PostTitle(1, "first"));
            assertThat(repo.projections().cached(titles).generated()).isEqualTo(bytecode);
        }
    }

}
