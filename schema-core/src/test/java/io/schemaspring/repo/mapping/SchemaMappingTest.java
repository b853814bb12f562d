package io.schemaspring.repo.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.dialect.Dialect.LetterCase;
import io.schemaspring.repo.dialect.PostgresDialect;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.Comment;
import io.schemaspring.repo.it.fixtures.Link;
import io.schemaspring.repo.it.fixtures.Address;
import io.schemaspring.repo.it.fixtures.Note;
import io.schemaspring.repo.it.fixtures.Post;
import io.schemaspring.repo.it.fixtures.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SchemaMappingTest {

    private final SchemaRegistry registry = SchemaRegistry.builder().add(Author.class, Post.class, Comment.class, Tag.class,
            Note.class, Address.class, Link.class).build();
    private final Codecs codecs = new Codecs(new PostgresDialect(LetterCase.LOWER),
            new JsonValues(this.registry, JsonMapper.builder().build()));

    @Test
    void readsRowsWithGeneratedBytecodeWhenEveryFieldIsReachable() {
        assertThat(new SchemaMapping(this.registry.get(Author.class), this.codecs).generated()).isTrue();
        assertThat(new SchemaMapping(this.registry.get(Post.class), this.codecs).generated()).isTrue();
    }
}
