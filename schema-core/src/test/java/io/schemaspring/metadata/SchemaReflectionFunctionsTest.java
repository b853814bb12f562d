package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import io.schemaspring.type.FieldGenerator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ecto's {@code __schema__(:hash | :dump | :load | :loaded)} and the field generators'
 * reflection.
 */
class SchemaReflectionFunctionsTest {

    @Schema("things")
    static class Thing {

        private Long id;

        private String name;

        @Field(source = "body_text")
        private String body;

        @Field(loadInQuery = false)
        private String notes;

        private List<String> tags;

    }

    @Schema("things")
    static class SameThing {

        private Long id;

        private String name;

        @Field(source = "body_text")
        private String body;

        @Field(loadInQuery = false)
        private String notes;

        private List<String> tags;

    }

    @Schema("things")
    static class OtherType {

        private Long id;

        private Integer name;

        @Field(source = "body_text")
        private String body;

        @Field(loadInQuery = false)
        private String notes;

        private List<String> tags;

    }

    @Schema("things")
    static class OtherSource {

        private Long id;

        private String name;

        @Field(source = "body")
        private String body;

        @Field(loadInQuery = false)
        private String notes;

        private List<String> tags;

    }

    @Schema("things")
    static class OtherOption {

        private Long id;

        private String name;

        @Field(source = "body_text")
        private String body;

        private String notes;

        private List<String> tags;

    }

    @Schema(value = "metas", prefix = "tenant_a")
    static class WithMeta {

        private Long id;

        private String name = "x";

        private StructMeta meta;

    }

    @Schema("generated")
    @Timestamps(generator = FixedClock.class)
    static class Generated {

        private Long id;

        @Field(generator = Codes.class)
        private String code;

        private LocalDateTime insertedAt;

        private LocalDateTime updatedAt;

    }

    static class Codes implements FieldGenerator<String> {

        final String field;

        Codes(java.lang.reflect.Field field) {
            this.field = field.getDeclaringClass().getSimpleName() + "." + field.getName();
        }

        @Override
        public String generate() {
            return "c";
        }

    }

    static class FixedClock implements FieldGenerator<Instant> {

        @Override
        public Instant generate() {
            return Instant.EPOCH;
        }

    }

    private static SchemaMetadata build(Class<?> type) {
        return SchemaRegistry.builder().add(type).build().get(type);
    }

    @Test
    void hashIsTheSameForTwoRegistriesBuiltAlikeAndAcrossRuns() {
        SchemaMetadata thing = build(Thing.class);
        assertThat(build(Thing.class).hash()).isEqualTo(thing.hash());
        assertThat(build(SameThing.class).hash()).isEqualTo(thing.hash());
        assertThat(thing.hash()).isEqualTo(THING_HASH);
    }

    static final int THING_HASH = 543844896;

    @Test
    void hashChangesWhenATypeASourceAnOptionOrThePrefixChanges() {
        int hash = build(Thing.class).hash();
        assertThat(build(OtherType.class).hash()).isNotEqualTo(hash);
        assertThat(build(OtherSource.class).hash()).isNotEqualTo(hash);
        assertThat(build(OtherOption.class).hash()).isNotEqualTo(hash);
        SchemaMetadata prefixed = SchemaRegistry.builder()
            .settings(SchemaSettings.builder().prefix("tenant_b").build())
            .add(Thing.class)
            .build()
            .get(Thing.class);
        assertThat(prefixed.hash()).isNotEqualTo(hash);
    }

    @Test
    void dumpMapsEveryFieldToItsColumnAndType() {
        Map<String, FieldSource> dump = build(Thing.class).dump();
        assertThat(dump.keySet()).containsExactly("id", "name", "body", "notes", "tags");
        assertThat(dump)
            .extractingFromEntries(
                    entry -> entry.getKey() + "=" + entry.getValue().source() + " " + entry.getValue().type())
            .containsExactly("id=id :id", "name=name :string", "body=body_text :string", "notes=notes :string",
                    "tags=tags {:array, :string}");
    }

    @Test
    void loadMapsTheSelectedFieldsInColumnOrder() {
        Map<String, FieldSource> load = build(Thing.class).load();
        assertThat(load)
            .extractingFromEntries(
                    entry -> entry.getKey() + "=" + entry.getValue().source() + " " + entry.getValue().type())
            .containsExactly("id=id :id", "name=name :string", "body=body_text :string", "tags=tags {:array, :string}");
    }

    @Test
    void loadedIsANewStructInTheLoadedState() {
        SchemaMetadata metadata = build(WithMeta.class);
        WithMeta loaded = (WithMeta) metadata.structs().loaded();
        assertThat(loaded.meta).isEqualTo(StructMeta.loaded("tenant_a", "metas"));
        assertThat(loaded.meta.state()).isEqualTo(StructMeta.State.LOADED);
        assertThat(loaded.name).isEqualTo("x");
        assertThat(metadata.structs().loaded()).isNotSameAs(loaded);
        Thing plain = (Thing) build(Thing.class).structs().loaded();
        assertThat(plain.name).isNull();
    }

    @Test
    void reflectsTheGeneratorsMadeOncePerField() {
        SchemaMetadata metadata = build(Generated.class);
        assertThat(metadata.generator("code")).isInstanceOf(Codes.class);
        assertThat(((Codes) metadata.generator("code")).field).isEqualTo("Generated.code");
        assertThat(metadata.generator("code")).isSameAs(metadata.generator("code"));
        assertThat(metadata.generator("id")).isNull();
        assertThat(metadata.timestampsGenerator()).isInstanceOf(FixedClock.class);
        assertThat(metadata.autogenerateFields()).containsExactly("code", "insertedAt", "updatedAt");
        assertThat(metadata.field("code").autogenerate()).isTrue();
        assertThat(build(Thing.class).timestampsGenerator()).isNull();
    }

    @Test
    void takesTheGeneratorBeanWhenTheLookupFindsOne() {
        Codes bean = new Codes(Thing.class.getDeclaredFields()[1]);
        SchemaMetadata metadata = SchemaRegistry.builder()
            .generatorBeans(type -> type == Codes.class ? bean : null)
            .add(Generated.class)
            .build()
            .get(Generated.class);
        assertThat(metadata.generator("code")).isSameAs(bean);
        assertThat(metadata.timestampsGenerator()).isInstanceOf(FixedClock.class);
    }

}
