package io.schemaspring.changeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ecto's {@code embeds_one ..., defaults_to_struct: true}: the field defaults to the empty embedded struct. */
class DefaultsToStructTest {

    @EmbeddedSchema
    static class Settings {
        private UUID id;
        private String theme;
    }

    @Schema("accounts")
    static class Account {
        private Long id;
        private String name;
        @EmbedsOne(defaultsToStruct = true)
        private Settings settings;
        @EmbedsOne
        private Settings previous;
    }

    private final SchemaMetadata account = SchemaRegistry.builder().add(Account.class).build().get(Account.class);

    @Test
    void aNewStructHoldsTheEmptyEmbeddedStruct() {
        Account created = (Account) this.account.structs().newInstance();
        assertThat(created.settings).isNotNull();
        assertThat(created.settings.id).isNull();
        assertThat(created.settings.theme).isNull();
        assertThat(created.previous).isNull();
        assertThat(((Account) this.account.structs().newInstance()).settings).isNotSameAs(created.settings);
        assertThat(((Account) this.account.structs().copy(created)).settings).isSameAs(created.settings);
    }

    @Test
    void castingWithoutTheEmbedKeepsTheDefaultStructAndMakesNoChange() {
        Account created = (Account) this.account.structs().newInstance();
        Changeset<Account> changeset = Changeset.cast(this.account, created, Map.of("name", "ana"), List.of("name"))
                .castEmbed("settings");
        assertThat(changeset.changes()).containsOnlyKeys("name");
        assertThat(changeset.getField("settings")).isSameAs(created.settings);
    }

    @Test
    void castingTheEmbedUpdatesTheDefaultStructAsEctoMatchesItsNilPrimaryKey() {
        Account created = (Account) this.account.structs().newInstance();
        Changeset<Account> changeset = Changeset.cast(this.account, created, Map.of("settings", Map.of("theme", "dark")),
                List.of()).castEmbed("settings");
        assertThat(changeset.valid()).isTrue();
        assertThat(((Settings) changeset.getChange("settings")).theme).isEqualTo("dark");
    }

    @Test
    void castingNilReplacesTheDefaultStructUnderOnReplaceRaise() {
        Account created = (Account) this.account.structs().newInstance();
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put("settings", null);
        assertThatThrownBy(() -> Changeset.cast(this.account, created, params, List.of()).castEmbed("settings"))
                .isInstanceOf(ReplaceRefusedException.class);
    }
}
