package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.type.FieldType;
import io.schemaspring.type.PrimitiveType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemalessMetadataTest {

    @Test
    void aTableWithoutASchemaNamesEveryValidIdentifierAColumnOfTypeAny() {
        SchemaMetadata posts = SchemaMetadata.schemaless("posts");

        assertThat(posts.schemaless()).isTrue();
        assertThat(posts.source()).isEqualTo("posts");
        assertThat(posts.fields()).isEmpty();
        assertThat(posts.primaryKey()).isEmpty();
        assertThat(posts.fieldSource("inserted_at")).isEqualTo("inserted_at");
        assertThat(posts.type("title")).isEqualTo(new PrimitiveType(FieldType.ANY, Object.class));
        assertThat(posts.fieldSource("title; --")).isNull();
        assertThat(posts.field("title")).isSameAs(posts.field("title"));
        assertThat(posts).hasToString("SchemaMetadata[table \"posts\" without a schema]");
    }

    @Test
    void itsRowsAreMapsOfTheColumnsItDeclares() {
        SchemaMetadata posts = SchemaMetadata.schemaless("posts", List.of("id", "title"));
        Object row = posts.structs().newInstance();

        posts.field("title").accessor().set(row, "hello");
        posts.field("id").accessor().set(row, 1L);

        assertThat(posts.fields()).containsExactly("id", "title");
        assertThat(posts.queryFields()).containsExactly("id", "title");
        assertThat(row).isEqualTo(Map.of("title", "hello", "id", 1L));
        assertThat(posts.field("title").accessor().get(row)).isEqualTo("hello");
    }

    @Test
    void aTableNameMustBeAValidIdentifier() {
        assertThatThrownBy(() -> SchemaMetadata.schemaless("posts\"")).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Table \"posts\"\" is not a valid SQL identifier: use letters, digits and underscores, not "
                    + "starting with a digit, at most 63 characters");
    }

}
