package io.schemaspring.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.sample.blog.Post;
import io.schemaspring.sample.blog.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1")
class BlogApplicationTest {

    @Autowired
    private SchemaRegistry registry;

    @Test
    void registersTheBlogSchemasWithTheConfiguredDefaults() {
        assertThat(this.registry.all()).hasSize(6);
        assertThat(this.registry.all().stream().filter(SchemaMetadata::embedded).count()).isEqualTo(2);
        SchemaMetadata post = this.registry.get(Post.class);
        assertThat(post.type("insertedAt")).hasToString(":naive_datetime_usec");
        assertThat(post.association("tags").joinThrough()).isEqualTo("posts_tags");
        assertThat(this.registry.get(User.class).redactFields()).containsExactly("passwordHash", "password",
                "passwordConfirmation");
    }

}
