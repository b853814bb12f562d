package io.schemaspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.autoconfigure.fixtures.blog.Article;
import io.schemaspring.autoconfigure.fixtures.blog.Author;
import io.schemaspring.autoconfigure.fixtures.defaults.Overridden;
import io.schemaspring.autoconfigure.fixtures.defaults.Plain;
import io.schemaspring.autoconfigure.fixtures.defaults.Tenanted;
import io.schemaspring.autoconfigure.fixtures.types.Money;
import io.schemaspring.autoconfigure.fixtures.types.MoneyType;
import io.schemaspring.autoconfigure.fixtures.types.Priced;
import io.schemaspring.annotation.FieldSourceMapper;
import io.schemaspring.changeset.Changesets;
import io.schemaspring.metadata.SchemaDefinitionException;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.type.SchemaTypeContributor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class SchemaAutoConfigurationTest {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SchemaAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Author.class)
    static class BlogApplication {

    }

    @Configuration(proxyBeanMethods = false)
    static class UserRegistryConfiguration {

        @Bean
        SchemaRegistry customRegistry() {
            return SchemaRegistry.builder().add(Plain.class).build();
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class UpperCaseMapperConfiguration {

        @Bean
        FieldSourceMapper upperCase() {
            return name -> name.toUpperCase(java.util.Locale.ROOT);
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class MoneyContributorConfiguration {

        @Bean
        SchemaTypeContributor moneyTypes() {
            return types -> types.add(Money.class, new MoneyType());
        }

    }

    @Configuration(proxyBeanMethods = false)
    static class MoneyTypeBeanConfiguration {

        @Bean
        MoneyType moneyType() {
            return new MoneyType();
        }

    }

    @Test
    void scansTheApplicationPackageByDefault() {
        this.contextRunner.withUserConfiguration(BlogApplication.class).run(context -> {
            assertThat(context).hasSingleBean(SchemaRegistry.class);
            SchemaRegistry registry = context.getBean(SchemaRegistry.class);
            assertThat(registry.all()).extracting(SchemaMetadata::schemaClass)
                .containsExactlyInAnyOrder(Author.class, Article.class, Article.Seo.class);
            assertThat(registry.get(Author.class).association("articles").relatedKey()).isEqualTo("authorId");
        });
    }

    @Test
    void scansConfiguredPackagesInstead() {
        this.contextRunner.withUserConfiguration(BlogApplication.class)
            .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.defaults")
            .run(context -> assertThat(context.getBean(SchemaRegistry.class).all())
                .extracting(SchemaMetadata::schemaClass)
                .containsExactlyInAnyOrder(Tenanted.class, Overridden.class, Plain.class));
    }

    @Test
    void registersNoSchemasWithoutPackages() {
        this.contextRunner.run(context -> assertThat(context.getBean(SchemaRegistry.class).all()).isEmpty());
    }

    @Test
    void bindsTimestampDefaultsFromProperties() {
        this.contextRunner.withUserConfiguration(BlogApplication.class)
            .withPropertyValues("schema.timestamps.type=naive_datetime_usec",
                    "schema.timestamps.inserted-at-source=created_at",
                    "schema.timestamps.updated-at-source=modified_at")
            .run(context -> {
                SchemaMetadata author = context.getBean(SchemaRegistry.class).get(Author.class);
                assertThat(author.type("insertedAt")).hasToString(":naive_datetime_usec");
                assertThat(author.fieldSource("insertedAt")).isEqualTo("created_at");
                assertThat(author.fieldSource("updatedAt")).isEqualTo("modified_at");
            });
    }

    @Test
    void bytecodeGenerationIsOnByDefault() {
        this.contextRunner.withUserConfiguration(BlogApplication.class).run(context -> {
            SchemaRegistry registry = context.getBean(SchemaRegistry.class);
            assertThat(registry.settings().bytecode()).isTrue();
            assertThat(registry.get(Author.class).field("fullName").accessor().generated()).isTrue();
        });
    }

    @Test
    void bytecodeEnabledFalseReachesTheRegistryAndSwitchesGeneratedAccessOff() {
        this.contextRunner.withUserConfiguration(BlogApplication.class)
            .withPropertyValues("schema.bytecode.enabled=false")
            .run(context -> {
                SchemaRegistry registry = context.getBean(SchemaRegistry.class);
                assertThat(registry.settings().bytecode()).isFalse();
                assertThat(registry.get(Author.class).field("fullName").accessor().generated()).isFalse();
            });
    }

    @Test
    void bindsPrimaryKeyDefaultsFromProperties() {
        this.contextRunner
            .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.defaults",
                    "schema.primary-key.name=uuid", "schema.primary-key.type=binary_id",
                    "schema.field-source-mapper=identity")
            .run(context -> {
                SchemaMetadata plain = context.getBean(SchemaRegistry.class).get(Plain.class);
                assertThat(plain.primaryKey()).containsExactly("uuid");
                assertThat(plain.autogenerateId().type()).hasToString(":binary_id");
                assertThat(plain.fieldSource("displayName")).isEqualTo("displayName");
                assertThat(context.getBean(SchemaRegistry.class).get(Tenanted.class).autogenerateId()).isNull();
            });
    }

    @Test
    void appliesPrecedenceClassOverSchemaDefaultsOverProperties() {
        this.contextRunner
            .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.defaults",
                    "schema.primary-key.name=uuid", "schema.prefix=from_properties", "schema.context=shop")
            .run(context -> {
                SchemaRegistry registry = context.getBean(SchemaRegistry.class);
                assertThat(registry.get(Overridden.class).prefix()).isEqualTo("from_class");
                assertThat(registry.get(Tenanted.class).prefix()).isEqualTo("from_defaults");
                assertThat(registry.get(Plain.class).prefix()).isEqualTo("from_properties");
                assertThat(registry.get(Plain.class).context()).isEqualTo("shop");
            });
    }

    @Test
    void fieldSourceMapperBeanWinsOverTheProperty() {
        this.contextRunner.withUserConfiguration(BlogApplication.class, UpperCaseMapperConfiguration.class)
            .withPropertyValues("schema.field-source-mapper=identity")
            .run(context -> assertThat(context.getBean(SchemaRegistry.class).get(Author.class).fieldSource("fullName"))
                .isEqualTo("FULLNAME"));
    }

    @Test
    void typeContributorBeansReachTheRegistry() {
        this.contextRunner.withUserConfiguration(MoneyContributorConfiguration.class)
            .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.types")
            .run(context -> {
                SchemaRegistry registry = context.getBean(SchemaRegistry.class);
                assertThat(registry.types().find(Money.class)).isInstanceOf(MoneyType.class);
                assertThat(registry.get(Priced.class).type("price")).hasToString("MoneyType");
            });
    }

    @Test
    void schemaTypeBeansAreRegisteredForTheirJavaType() {
        this.contextRunner.withUserConfiguration(MoneyTypeBeanConfiguration.class)
            .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.types")
            .run(context -> assertThat(context.getBean(SchemaRegistry.class).types().find(Money.class))
                .isSameAs(context.getBean(MoneyType.class)));
    }

    @Test
    void failsStartupForAFieldTypeWithoutRegistrationNamingTheGlobalFix() {
        this.contextRunner.withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.types")
            .run(context -> assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageStartingWith("Invalid schema io.schemaspring.autoconfigure.fixtures.types.Priced, "
                        + "field :price: unknown type io.schemaspring.autoconfigure.fixtures.types.Money")
                .hasMessageEndingWith("or register a SchemaType for io.schemaspring.autoconfigure.fixtures.types.Money "
                        + "for the whole application (SchemaTypes in SchemaRegistry.builder().types(...), or a "
                        + "SchemaType bean in Spring Boot)"));
    }

    @Test
    void backsOffWhenUserDefinesRegistry() {
        this.contextRunner.withUserConfiguration(BlogApplication.class, UserRegistryConfiguration.class)
            .run(context -> {
                assertThat(context).hasSingleBean(SchemaRegistry.class);
                assertThat(context).hasBean("customRegistry");
                assertThat(context.getBean(SchemaRegistry.class).all()).extracting(SchemaMetadata::schemaClass)
                    .containsExactly(Plain.class);
            });
    }

    @Test
    void failsStartupWithFieldAndFix() {
        this.contextRunner.withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.broken")
            .run(context -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(SchemaDefinitionException.class)
                    .hasMessage("Invalid schema io.schemaspring.autoconfigure.fixtures.broken.Broken, field :parent: "
                            + "@BelongsTo :parent needs the foreign key field :parentId, which is not declared. "
                            + "Fix: declare `private Long parentId;` or set @BelongsTo(foreignKey = \"...\")");
            });
    }

    @Test
    void failsStartupForAnInvalidPrefixProperty() {
        this.contextRunner
            .withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.single",
                    "schema.prefix=bad-prefix")
            .run(context -> assertThat(context.getStartupFailure()).rootCause()
                .hasMessage("Invalid schema io.schemaspring.autoconfigure.fixtures.single.Single: prefix "
                        + "\"bad-prefix\" is not a valid SQL identifier. Fix: use letters, digits and underscores "
                        + "in @Schema(prefix), @SchemaDefaults(prefix) or schema.prefix"));
    }

    @Test
    void failureAnalyzerReportsSchemaFieldAndFix() {
        this.contextRunner.withPropertyValues("schema.packages=io.schemaspring.autoconfigure.fixtures.broken")
            .run(context -> {
                FailureAnalysis analysis = new SchemaDefinitionFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).isEqualTo("Schema io.schemaspring.autoconfigure.fixtures.broken"
                        + ".Broken, field :parent is invalid: @BelongsTo :parent needs the foreign key field :parentId, "
                        + "which is not declared.");
                assertThat(analysis.getAction())
                    .isEqualTo("Fix: declare `private Long parentId;` or set @BelongsTo(foreignKey = \"...\").");
            });
    }

    @Test
    void registersTheFailureAnalyzerWithSpringBoot() {
        assertThat(org.springframework.core.io.support.SpringFactoriesLoader
            .forDefaultResourceLocation(getClass().getClassLoader())
            .load(org.springframework.boot.diagnostics.FailureAnalyzer.class,
                    org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler
                        .handleMessage((message, ex) -> {
                        })))
            .hasAtLeastOneElementOfType(SchemaDefinitionFailureAnalyzer.class);
    }

    @Test
    void publishesConfigurationMetadataForEveryProperty() throws Exception {
        try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String json = new String(metadata.readAllBytes(), StandardCharsets.UTF_8);
            for (String key : new String[] { "schema.packages", "schema.prefix", "schema.context",
                    "schema.primary-key.name", "schema.primary-key.type", "schema.primary-key.autogenerate",
                    "schema.foreign-key-type", "schema.timestamps.type", "schema.timestamps.inserted-at",
                    "schema.timestamps.updated-at", "schema.timestamps.inserted-at-source",
                    "schema.timestamps.updated-at-source", "schema.field-source-mapper", "schema.web.enabled",
                    "schema.replicas.nodes", "schema.replicas.connection-timeout", "schema.replicas.retry-after",
                    "schema.replicas.maximum-pool-size", "schema.replicas.read-your-writes", "schema.pooler",
                    "schema.web.idempotency.enabled", "schema.web.idempotency.retention" }) {
                assertThat(json).contains("\"name\": \"" + key + "\"");
            }
        }
    }

    @Test
    void twoContextsInOneJvmCastWithTheirOwnSettings() {
        this.contextRunner.withUserConfiguration(BlogApplication.class)
            .withPropertyValues("schema.field-source-mapper=identity")
            .run(identity -> this.contextRunner.withUserConfiguration(BlogApplication.class).run(snakeCase -> {
                assertThat(uniqueName(identity.getBean(Changesets.class))).isEqualTo("authors_fullName_index");
                assertThat(uniqueName(snakeCase.getBean(Changesets.class))).isEqualTo("authors_full_name_index");
                assertThat(uniqueName(identity.getBean(Changesets.class))).isEqualTo("authors_fullName_index");
            }));
    }

    private static String uniqueName(Changesets changesets) {
        return changesets.cast(new Author(), java.util.Map.of("fullName", "Ann"), "fullName")
            .uniqueConstraint("fullName")
            .constraints()
            .get(0)
            .name();
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = io.schemaspring.autoconfigure.fixtures.generators.Coded.class)
    static class GeneratorsApplication {

    }

    @Configuration(proxyBeanMethods = false)
    static class CodesBeanConfiguration {

        @Bean
        io.schemaspring.autoconfigure.fixtures.generators.Codes beanCodes() {
            return new io.schemaspring.autoconfigure.fixtures.generators.Codes("bean");
        }

    }

    @Test
    void takesAFieldGeneratorBeanOfTheGeneratorClass() {
        this.contextRunner.withUserConfiguration(GeneratorsApplication.class, CodesBeanConfiguration.class)
            .run(context -> {
                SchemaMetadata coded = context.getBean(SchemaRegistry.class)
                    .get(io.schemaspring.autoconfigure.fixtures.generators.Coded.class);
                assertThat(coded.generator("code"))
                    .isSameAs(context.getBean(io.schemaspring.autoconfigure.fixtures.generators.Codes.class));
                assertThat(coded.generator("code").generate()).isEqualTo("bean");
            });
    }

    @Test
    void makesTheFieldGeneratorWhenNoBeanExists() {
        this.contextRunner.withUserConfiguration(GeneratorsApplication.class).run(context -> {
            SchemaMetadata coded = context.getBean(SchemaRegistry.class)
                .get(io.schemaspring.autoconfigure.fixtures.generators.Coded.class);
            assertThat(coded.generator("code").generate()).isEqualTo("new");
        });
    }

}
