package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Writable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaReflectionTest {

    enum Role {

        ADMIN, MEMBER

    }

    @Schema("my_schema")
    static class MySchema {

        private Long id;

        private String name = "eric";

        @Field(source = "email_address", readAfterWrites = true)
        private String email;

        @Field(virtual = true)
        private String temp = "temp";

        private int count;

        private List<String> array;

        @Field(loadInQuery = false)
        private String bio;

        @Field(redact = true)
        private String password;

        @Field(virtual = true, redact = true)
        private String passwordConfirmation;

        private Map<String, Object> settings;

        private Role role = Role.MEMBER;

        @Field(writable = Writable.INSERT)
        private String username;

        private transient String ignored;

        private static String alsoIgnored;

    }

    private final SchemaRegistry registry = SchemaRegistry.builder().add(MySchema.class).build();

    private final SchemaMetadata schema = this.registry.get(MySchema.class);

    @Test
    void reflectsSourcePrefixContextAndKind() {
        assertThat(this.schema.schemaClass()).isEqualTo(MySchema.class);
        assertThat(this.schema.source()).isEqualTo("my_schema");
        assertThat(this.schema.prefix()).isNull();
        assertThat(this.schema.context()).isNull();
        assertThat(this.schema.embedded()).isFalse();
    }

    @Test
    void listsFieldsInDeclarationOrderWithPrimaryKeyFirst() {
        assertThat(this.schema.primaryKey()).containsExactly("id");
        assertThat(this.schema.fields()).containsExactly("id", "name", "email", "count", "array", "bio", "password",
                "settings", "role", "username");
        assertThat(this.schema.queryFields()).containsExactly("id", "name", "email", "count", "array", "password",
                "settings", "role", "username");
        assertThat(this.schema.virtualFields()).containsExactly("temp", "passwordConfirmation");
    }

    @Test
    void mapsFieldsToSnakeCaseColumnsUnlessSourceIsGiven() {
        assertThat(this.schema.fieldSource("id")).isEqualTo("id");
        assertThat(this.schema.fieldSource("email")).isEqualTo("email_address");
        assertThat(this.schema.fieldSource("passwordConfirmation")).isNull();
        assertThat(this.schema.fieldSource("unknown")).isNull();
    }

    @Test
    void printsTypesInEctoNotation() {
        assertThat(this.schema.type("id")).hasToString(":id");
        assertThat(this.schema.type("name")).hasToString(":string");
        assertThat(this.schema.type("count")).hasToString(":integer");
        assertThat(this.schema.type("array")).hasToString("{:array, :string}");
        assertThat(this.schema.type("settings")).hasToString(":map");
        assertThat(this.schema.type("role")).hasToString("#Ecto.Enum<values: [:ADMIN, :MEMBER]>");
        assertThat(this.schema.type("temp")).isNull();
        assertThat(this.schema.virtualType("temp")).hasToString(":string");
        assertThat(this.schema.virtualType("name")).isNull();
        assertThat(this.schema.type("unknown")).isNull();
    }

    @Test
    void reflectsWriteOptions() {
        assertThat(this.schema.readAfterWrites()).containsExactly("email");
        assertThat(this.schema.autogenerateId()).isEqualTo(new AutogenerateId("id", "id", this.schema.type("id")));
        assertThat(this.schema.autogenerateFields()).isEmpty();
        assertThat(this.schema.autoupdateFields()).isEmpty();
        assertThat(this.schema.redactFields()).containsExactly("password", "passwordConfirmation");
        assertThat(this.schema.field("username").writable()).isEqualTo(Writable.INSERT);
        assertThat(this.schema.field("name").writable()).isEqualTo(Writable.ALWAYS);
    }

    @Test
    void takesFieldInitializersAsDefaults() {
        assertThat(this.schema.field("name").defaultValue()).isEqualTo("eric");
        assertThat(this.schema.field("temp").defaultValue()).isEqualTo("temp");
        assertThat(this.schema.field("count").defaultValue()).isEqualTo(0);
        assertThat(this.schema.field("role").defaultValue()).isEqualTo(Role.MEMBER);
        assertThat(this.schema.field("email").defaultValue()).isNull();
    }

    @Test
    void hasNoAssociationsOrEmbedsAndAnswersNullForUnknownNames() {
        assertThat(this.schema.associations()).isEmpty();
        assertThat(this.schema.association("posts")).isNull();
        assertThat(this.schema.embeds()).isEmpty();
        assertThat(this.schema.embed("address")).isNull();
        assertThat(this.schema.field("unknown")).isNull();
    }

    @Test
    void readsAndWritesPrivateFieldsThroughAccessors() {
        MySchema instance = (MySchema) this.schema.structs().newInstance();
        assertThat(instance.name).isEqualTo("eric");
        this.schema.field("name").accessor().set(instance, "jose");
        this.schema.field("count").accessor().set(instance, 3);
        assertThat(instance.name).isEqualTo("jose");
        assertThat(this.schema.field("name").accessor().get(instance)).isEqualTo("jose");
        assertThat(this.schema.field("count").accessor().get(instance)).isEqualTo(3);
    }

    @Test
    void refusesNullForPrimitiveFieldsWithTheFix() {
        Object instance = this.schema.structs().newInstance();
        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> this.schema.field("count").accessor().set(instance, null))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Cannot set null into primitive field MySchema.count: declare it with a wrapper type "
                    + "(Integer, Long, ...) or keep the column NOT NULL");
    }

    @Test
    void answersUnknownClassesWithHowToRegisterThem() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.registry.get(String.class))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("java.lang.String is not a registered schema: annotate it with @Schema or @EmbeddedSchema "
                    + "and keep it below schema.packages (or add it to the registry builder)");
        assertThat(this.registry.find(String.class)).isNull();
        assertThat(this.registry.contains(MySchema.class)).isTrue();
        assertThat(this.registry.all()).containsExactly(this.schema);
    }

    @Test
    void metadataCannotChangeOnceItsRegistryIsBuilt() {
        SchemaMetadata schema = this.registry.get(MySchema.class);

        assertThatIllegalStateException().isThrownBy(() -> schema.versionField("count"))
            .withMessage("The metadata of " + MySchema.class.getName() + " is immutable once its registry is built");
        assertThatIllegalStateException().isThrownBy(() -> schema.associations(List.of()))
            .withMessage("The metadata of " + MySchema.class.getName() + " is immutable once its registry is built");
        assertThat(schema.versionField()).isNull();
    }

}
