package io.schemaspring.metadata;

import io.schemaspring.annotation.FieldSourceMapper;
import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.SchemaDefaults;
import io.schemaspring.annotation.Timestamps;
import io.schemaspring.annotation.Toggle;
import io.schemaspring.type.FieldType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaDefaultsTest {

    /** Ecto's {@code use MyApp.Schema} as a superclass. */
    @SchemaDefaults(prefix = "tenant", context = "billing", primaryKeyType = FieldType.BINARY_ID,
            timestamps = @Timestamps(type = FieldType.NAIVE_DATETIME_USEC, insertedAtSource = "created_at"),
            fieldSourceMapper = UpperCaseMapper.class)
    abstract static class BaseSchema {

        protected UUID id;

        protected LocalDateTime insertedAt;

        protected LocalDateTime updatedAt;

    }

    static class UpperCaseMapper implements FieldSourceMapper {

        @Override
        public String sourceFor(String fieldName) {
            return FieldSourceMapper.SNAKE_CASE.sourceFor(fieldName).toUpperCase(java.util.Locale.ROOT);
        }

    }

    @Schema("invoices")
    @Timestamps
    static class Invoice extends BaseSchema {

        private String number;

        @Field(source = "total_cents")
        private Long totalCents;

    }

    @Schema(value = "receipts", prefix = "archive", context = "legal")
    @Timestamps(insertedAtSource = "issued_at")
    static class Receipt extends BaseSchema {

        private String number;

    }

    /** Ecto's {@code use MyApp.Schema} as a meta-annotation. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @SchemaDefaults(prefix = "shared", primaryKeyName = "code", primaryKeyAutogenerate = Toggle.FALSE)
    @interface SharedSchema {

    }

    @SharedSchema
    @Schema("countries")
    static class Country {

        private String code;

        private String name;

    }

    @Schema("plain")
    static class Plain {

        private Long id;

        private String firstName;

    }

    @Test
    void superclassDefaultsApplyToSubclassesWithInheritedFieldsFirst() {
        SchemaMetadata schema = SchemaRegistry.builder().add(Invoice.class).build().get(Invoice.class);
        assertThat(schema.prefix()).isEqualTo("tenant");
        assertThat(schema.context()).isEqualTo("billing");
        assertThat(schema.fields()).containsExactly("id", "insertedAt", "updatedAt", "number", "totalCents");
        assertThat(schema.type("id")).hasToString(":binary_id");
        assertThat(schema.autogenerateId().type()).hasToString(":binary_id");
        assertThat(schema.type("insertedAt")).hasToString(":naive_datetime_usec");
        assertThat(schema.fieldSource("insertedAt")).isEqualTo("created_at");
        assertThat(schema.fieldSource("updatedAt")).isEqualTo("UPDATED_AT");
        assertThat(schema.fieldSource("number")).isEqualTo("NUMBER");
        assertThat(schema.fieldSource("totalCents")).isEqualTo("total_cents");
    }

    @Test
    void classAnnotationsWinOverSchemaDefaults() {
        SchemaMetadata schema = SchemaRegistry.builder().add(Receipt.class).build().get(Receipt.class);
        assertThat(schema.prefix()).isEqualTo("archive");
        assertThat(schema.context()).isEqualTo("legal");
        assertThat(schema.fieldSource("insertedAt")).isEqualTo("issued_at");
        assertThat(schema.type("insertedAt")).hasToString(":naive_datetime_usec");
    }

    @Test
    void metaAnnotationCarriesDefaults() {
        SchemaMetadata schema = SchemaRegistry.builder().add(Country.class).build().get(Country.class);
        assertThat(schema.prefix()).isEqualTo("shared");
        assertThat(schema.primaryKey()).containsExactly("code");
        assertThat(schema.autogenerateId()).isNull();
    }

    @Test
    void schemaDefaultsWinOverSettings() {
        SchemaSettings settings = SchemaSettings.builder()
            .prefix("from_settings")
            .context("ctx")
            .fieldSourceMapper(FieldSourceMapper.IDENTITY)
            .build();
        SchemaMetadata invoice = SchemaRegistry.builder()
            .settings(settings)
            .add(Invoice.class)
            .build()
            .get(Invoice.class);
        assertThat(invoice.prefix()).isEqualTo("tenant");
        assertThat(invoice.fieldSource("number")).isEqualTo("NUMBER");
    }

    @Test
    void settingsApplyWhereNothingMoreSpecificIsSet() {
        SchemaSettings settings = SchemaSettings.builder()
            .prefix("from_settings")
            .context("ctx")
            .fieldSourceMapper(FieldSourceMapper.IDENTITY)
            .build();
        SchemaMetadata plain = SchemaRegistry.builder().settings(settings).add(Plain.class).build().get(Plain.class);
        assertThat(plain.prefix()).isEqualTo("from_settings");
        assertThat(plain.context()).isEqualTo("ctx");
        assertThat(plain.fieldSource("firstName")).isEqualTo("firstName");
    }

    @Test
    void ectoDefaultsApplyWhenNothingIsSet() {
        SchemaMetadata plain = SchemaRegistry.builder().add(Plain.class).build().get(Plain.class);
        assertThat(plain.prefix()).isNull();
        assertThat(plain.context()).isNull();
        assertThat(plain.fieldSource("firstName")).isEqualTo("first_name");
        assertThat(plain.autogenerateId().type()).hasToString(":id");
    }

    @Test
    void snakeCaseMapperSplitsWordsAcronymsAndKeepsDigits() {
        FieldSourceMapper mapper = FieldSourceMapper.SNAKE_CASE;
        assertThat(mapper.sourceFor("insertedAt")).isEqualTo("inserted_at");
        assertThat(mapper.sourceFor("userID")).isEqualTo("user_id");
        assertThat(mapper.sourceFor("htmlURLValue")).isEqualTo("html_url_value");
        assertThat(mapper.sourceFor("address2")).isEqualTo("address2");
        assertThat(mapper.sourceFor("line2Text")).isEqualTo("line2_text");
        assertThat(mapper.sourceFor("name")).isEqualTo("name");
        assertThat(FieldSourceMapper.IDENTITY.sourceFor("insertedAt")).isEqualTo("insertedAt");
    }

}
