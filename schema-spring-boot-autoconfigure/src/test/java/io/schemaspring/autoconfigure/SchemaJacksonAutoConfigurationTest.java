package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.autoconfigure.fixtures.jackson.Note;
import io.schemaspring.autoconfigure.fixtures.jackson.Story;
import io.schemaspring.autoconfigure.fixtures.jackson.StoryMixIn;
import io.schemaspring.autoconfigure.fixtures.jackson.Writer;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.StructMeta;
import io.schemaspring.metadata.NotLoaded;
import io.schemaspring.type.BitString;
import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

class SchemaJacksonAutoConfigurationTest {

    private static final String[] SECRETS = { "s3cr3t-key", "t0ken", "trk-42", "writer@example.com" };

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SchemaAutoConfiguration.class, SchemaJacksonAutoConfiguration.class,
                JacksonAutoConfiguration.class))
        .withUserConfiguration(StoryApplication.class);

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Story.class)
    static class StoryApplication {

    }

    @Configuration(proxyBeanMethods = false)
    static class MixInConfiguration {

        @Bean
        JsonMapperBuilderCustomizer storyMixIn() {
            return builder -> builder.addMixIn(Story.class, StoryMixIn.class);
        }

    }

    @Test
    void appliesJacksonAnnotationsAndTheApplicationsJacksonSettings() {
        this.contextRunner
            .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE",
                    "spring.jackson.default-property-inclusion=non_null")
            .run(context -> {
                String json = context.getBean(JsonMapper.class).writeValueAsString(story());
                assertThat(parse(json)).isEqualTo(map("id", 7, "title", "Title", "headline", "Sub", "published_on",
                        "2026/11/26", "word_count", 1200, "seo_slug", "a-title"));
                assertNoSecret(json);
            });
    }

    @Test
    void writesBitStringsAsZerosAndOnesAndReadsThemBack() {
        this.contextRunner.run(context -> {
            JsonMapper mapper = context.getBean(JsonMapper.class);
            assertThat(mapper.writeValueAsString(Map.of("flags", BitString.of("0100"))))
                .isEqualTo("{\"flags\":\"0100\"}");
            assertThat(mapper.readValue("\"0100\"", BitString.class)).isEqualTo(BitString.of("0100"));
        });
    }

    @Test
    void writesFieldsWithoutGettersAndNullsByDefault() {
        this.contextRunner.run(context -> {
            Story story = new Story(1L, "Plain");
            set(story, "notes", new NotLoaded<>(Story.class, "notes"));
            String json = context.getBean(JsonMapper.class).writeValueAsString(story);
            assertThat(parse(json)).isEqualTo(map("id", 1, "title", "Plain", "headline", null, "publishedOn", null,
                    "wordCount", null, "writerId", null, "history", null));
        });
    }

    @Test
    void redactedFieldsNeverAppearWhateverAnnotationsOrMixInsSay() {
        this.contextRunner.withUserConfiguration(MixInConfiguration.class).run(context -> {
            String json = context.getBean(JsonMapper.class).writeValueAsString(story());
            Map<String, Object> written = parse(json);
            assertThat(written).doesNotContainKeys("wordCount", "apiKey", "exposedSecret", "secret", "token",
                    "visibleToken", "meta", "internalNote");
            assertThat(written).isEqualTo(map("id", 7, "title", "Title", "headline", "Sub", "publishedOn", "2026/11/26",
                    "writerId", null, "history", null, "seo_slug", "a-title"));
            assertNoSecret(json);
        });
    }

    @Test
    void jsonViewsSelectFieldsAndRedactionStillApplies() {
        this.contextRunner.run(context -> {
            String json = context.getBean(JsonMapper.class)
                .writerWithView(Story.Summary.class)
                .writeValueAsString(story());
            assertThat(parse(json)).containsEntry("id", 7)
                .containsEntry("title", "Title")
                .doesNotContainKeys("wordCount", "apiKey", "exposedSecret");
            assertNoSecret(json);
        });
    }

    @Test
    void writesLoadedAssociationsAndEmbedsTheSameWayRecursively() {
        this.contextRunner
            .withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE",
                    "spring.jackson.default-property-inclusion=non_null")
            .run(context -> {
                Story story = story();
                set(story, "writer", new Writer(3L, "Ann Writer", "writer@example.com"));
                set(story, "notes", List.of(new Note(1L, "first"), new Note(2L, "second")));
                set(story, "history", List.of(new Story.Seo("old", "trk-42")));
                String json = context.getBean(JsonMapper.class).writeValueAsString(story);
                Map<String, Object> written = parse(json);
                assertThat(written.get("writer")).isEqualTo(map("id", 3, "full_name", "Ann Writer"));
                assertThat(written.get("notes"))
                    .isEqualTo(List.of(map("id", 1, "body", "first"), map("id", 2, "body", "second")));
                assertThat(written.get("history")).isEqualTo(List.of(map("slug", "old")));
                assertNoSecret(json);
            });
    }

    @Test
    void leavesAssociationsThatWereNotLoadedOut() {
        this.contextRunner.run(context -> {
            Story story = story();
            set(story, "notes", new NotLoaded<>(Story.class, "notes"));
            Map<String, Object> written = parse(context.getBean(JsonMapper.class).writeValueAsString(story));
            assertThat(written).doesNotContainKeys("notes", "writer");
        });
    }

    @Test
    void registersTheModuleForTheApplicationsRegistry() {
        this.contextRunner
            .run(context -> assertThat(context.getBean(SchemaRegistry.class).get(Story.class).hasMeta()).isTrue());
    }

    private static Story story() {
        Story story = new Story(7L, "Title");
        set(story, "internalNote", "only for us");
        set(story, "subtitle", "Sub");
        set(story, "publishedOn", LocalDate.of(2026, 11, 26));
        set(story, "wordCount", 1200);
        set(story, "kicker", "");
        set(story, "secret", "s3cr3t-key");
        set(story, "token", "t0ken");
        set(story, "seo", new Story.Seo("a-title", "trk-42"));
        set(story, "meta", StructMeta.loaded("acme", "stories"));
        return story;
    }

    private static void assertNoSecret(String json) {
        for (String secret : SECRETS) {
            assertThat(json).doesNotContain(secret);
        }
    }

    private static void set(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return JsonMapper.builder().build().readValue(json, LinkedHashMap.class);
    }

    private static Map<String, Object> map(Object... entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], entries[i + 1]);
        }
        return map;
    }

}
