package io.schemaspring.repo.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataRetrievalFailureException;
import tools.jackson.databind.json.JsonMapper;

class SchemaMappingTest {

    private final SchemaRegistry registry = SchemaRegistry.builder()
        .add(Author.class, Post.class, Comment.class, Tag.class, Note.class, Address.class, Link.class)
        .build();

    private final Codecs codecs = new Codecs(new PostgresDialect(LetterCase.LOWER),
            new JsonValues(this.registry, JsonMapper.builder().build()));

    @Test
    void readsRowsWithGeneratedBytecodeWhenEveryFieldIsReachable() {
        assertThat(new SchemaMapping(this.registry.get(Author.class), this.codecs).generated()).isTrue();
        assertThat(new SchemaMapping(this.registry.get(Post.class), this.codecs).generated()).isTrue();
    }

    @Schema("secrets")
    public static class Secret {

        public Long id;

        @Field(redact = true)
        public Level level;

        @Field(redact = true)
        public Map<String, Object> settings;

        @Field(redact = true)
        public java.util.List<Integer> codes;

        public Level plainLevel;

        public Map<String, Object> plainSettings;

        public enum Level {

            LOW, HIGH

        }

    }

    private static Object readStored(SchemaMapping mapping, String field, String stored) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
                var statement = connection.prepareStatement("SELECT CAST(? AS VARCHAR)")) {
            statement.setString(1, stored);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return mapping.codec(field).read(row, 1);
            }
        }
    }

    @Test
    void storedValuesThatCannotBeReadShowInMessagesOnlyForFieldsThatAreNotRedacted() {
        SchemaRegistry registry = SchemaRegistry.builder().add(Secret.class).build();
        Codecs mysql = new Codecs(new io.schemaspring.repo.dialect.MariaDbDialect(LetterCase.LOWER),
                new JsonValues(registry, JsonMapper.builder().build()));
        SchemaMapping mapping = new SchemaMapping(registry.get(Secret.class), mysql);
        assertThatThrownBy(() -> readStored(mapping, "level", "hunter2"))
            .isExactlyInstanceOf(DataRetrievalFailureException.class)
            .hasMessage("Stored value \"**redacted**\" is not one of " + registry.get(Secret.class).type("level"))
            .hasNoCause();
        assertThatThrownBy(() -> readStored(mapping, "settings", "hunter2"))
            .isExactlyInstanceOf(DataRetrievalFailureException.class)
            .hasMessage("Cannot read " + registry.get(Secret.class).type("settings") + " from JSON: **redacted**")
            .hasNoCause();
        assertThatThrownBy(() -> readStored(mapping, "codes", "[\"hunter2\"]"))
            .isExactlyInstanceOf(DataRetrievalFailureException.class)
            .hasMessage("Stored JSON value **redacted** is not a valid :integer");
        assertThatThrownBy(() -> readStored(mapping, "plainLevel", "hunter2"))
            .hasMessage("Stored value \"hunter2\" is not one of " + registry.get(Secret.class).type("plainLevel"));
        assertThatThrownBy(() -> readStored(mapping, "plainSettings", "hunter2")).hasMessageContaining("hunter2");
    }

}
