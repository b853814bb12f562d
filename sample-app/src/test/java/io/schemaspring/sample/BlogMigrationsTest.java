package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.data.SchemaRepository;
import io.schemaspring.sample.blog.Post;
import io.schemaspring.test.autoconfigure.SchemaJdbcTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The blog's tables come from its Flyway migrations, which {@code @SchemaJdbcTest} runs
 * on its embedded database as Boot's {@code @DataJdbcTest} does.
 */
@SchemaJdbcTest
class BlogMigrationsTest {

    @Autowired
    private SchemaRepository<Post, Long> posts;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theMigrationsCreateTheTablesAndSeedThePosts() {
        assertThat(this.jdbc.queryForList(
                "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"",
                String.class))
            .containsExactly("1", "2");
        assertThat(this.posts.findAll()).extracting(Post::getTitle).containsExactly("Hello, schemas");
        assertThat(this.posts.withPrefix("acme").count()).isZero();
    }

}
