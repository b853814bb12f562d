package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import io.schemaspring.type.FieldType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Schema("posts")
    @Timestamps
    static class Post {

        private Long id;

        private String title;

        private LocalDateTime insertedAt;

        private LocalDateTime updatedAt;

    }

    @Schema("comments")
    @Timestamps(insertedAt = "createdAt", updatedAt = "changedAt", insertedAtSource = "created_on",
            updatedAtSource = "changed_on", type = FieldType.NAIVE_DATETIME_USEC)
    static class CustomNames {

        private Long id;

        private LocalDateTime createdAt;

        private LocalDateTime changedAt;

    }

    @Schema("events")
    @Timestamps
    static class UtcTimestamps {

        private Long id;

        private Instant insertedAt;

        private OffsetDateTime updatedAt;

    }

    @Schema("readings")
    @Timestamps(updatedAtEnabled = false)
    static class InsertOnly {

        private Long id;

        private LocalDateTime insertedAt;

    }

    @Schema("audits")
    @Timestamps(type = FieldType.NAIVE_DATETIME)
    static class FieldOverridesClass {

        private Long id;

        @Field(type = FieldType.NAIVE_DATETIME_USEC, source = "created")
        private LocalDateTime insertedAt;

        private LocalDateTime updatedAt;

    }

    @Schema("plain")
    static class NoTimestamps {

        private Long id;

        private LocalDateTime insertedAt;

    }

    private static SchemaMetadata metadata(Class<?> type) {
        return SchemaRegistry.builder().add(type).build().get(type);
    }

    @Test
    void defaultTimestampsAreNaiveDatetimesSetOnInsertAndUpdate() {
        SchemaMetadata schema = metadata(Post.class);
        assertThat(schema.fields()).containsExactly("id", "title", "insertedAt", "updatedAt");
        assertThat(schema.fieldSource("insertedAt")).isEqualTo("inserted_at");
        assertThat(schema.fieldSource("updatedAt")).isEqualTo("updated_at");
        assertThat(schema.type("insertedAt")).hasToString(":naive_datetime");
        assertThat(schema.autogenerateFields()).containsExactly("insertedAt", "updatedAt");
        assertThat(schema.autoupdateFields()).containsExactly("updatedAt");
    }

    @Test
    void customNamesSourcesAndTypeAreHonoured() {
        SchemaMetadata schema = metadata(CustomNames.class);
        assertThat(schema.fieldSource("createdAt")).isEqualTo("created_on");
        assertThat(schema.fieldSource("changedAt")).isEqualTo("changed_on");
        assertThat(schema.type("createdAt")).hasToString(":naive_datetime_usec");
        assertThat(schema.type("changedAt")).hasToString(":naive_datetime_usec");
        assertThat(schema.autogenerateFields()).containsExactly("createdAt", "changedAt");
        assertThat(schema.autoupdateFields()).containsExactly("changedAt");
    }

    @Test
    void timestampTypeIsInferredFromJavaTypesWhenNotConfigured() {
        SchemaMetadata schema = metadata(UtcTimestamps.class);
        assertThat(schema.type("insertedAt")).hasToString(":utc_datetime");
        assertThat(schema.type("updatedAt")).hasToString(":utc_datetime");
    }

    @Test
    void updatedAtCanBeLeftOut() {
        SchemaMetadata schema = metadata(InsertOnly.class);
        assertThat(schema.autogenerateFields()).containsExactly("insertedAt");
        assertThat(schema.autoupdateFields()).isEmpty();
    }

    @Test
    void fieldAnnotationWinsOverTimestampsOptions() {
        SchemaMetadata schema = metadata(FieldOverridesClass.class);
        assertThat(schema.type("insertedAt")).hasToString(":naive_datetime_usec");
        assertThat(schema.fieldSource("insertedAt")).isEqualTo("created");
        assertThat(schema.type("updatedAt")).hasToString(":naive_datetime");
    }

    @Test
    void settingsGiveTimestampDefaults() {
        SchemaSettings settings = SchemaSettings.builder()
            .timestampsType(FieldType.NAIVE_DATETIME_USEC)
            .insertedAtSource("created_at")
            .build();
        SchemaMetadata schema = SchemaRegistry.builder().settings(settings).add(Post.class).build().get(Post.class);
        assertThat(schema.type("insertedAt")).hasToString(":naive_datetime_usec");
        assertThat(schema.fieldSource("insertedAt")).isEqualTo("created_at");
        assertThat(schema.fieldSource("updatedAt")).isEqualTo("updated_at");
    }

    @Test
    void fieldsNamedLikeTimestampsAreOrdinaryWithoutTheAnnotation() {
        SchemaMetadata schema = metadata(NoTimestamps.class);
        assertThat(schema.autogenerateFields()).isEmpty();
        assertThat(schema.type("insertedAt")).hasToString(":naive_datetime");
    }

}
