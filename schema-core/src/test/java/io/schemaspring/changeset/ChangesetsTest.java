package io.schemaspring.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.FieldSourceMapper;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.SchemaSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangesetsTest {

    @Schema("accounts")
    static class Account {
        Long id;
        String emailAddress;
        @EmbedsOne
        Billing billing;
    }

    @EmbeddedSchema
    static class Billing {
        String postalCode;
    }

    private static final SchemaRegistry SNAKE_CASE = SchemaRegistry.builder().add(Account.class).build();
    private static final SchemaRegistry IDENTITY = SchemaRegistry.builder()
            .settings(SchemaSettings.builder().fieldSourceMapper(FieldSourceMapper.IDENTITY).build()).add(Account.class).build();

    @Test
    void eachRegistryCastsWithItsOwnSettingsInOneJvm() {
        Changeset<Account> snake = new Changesets(SNAKE_CASE).cast(new Account(), Map.of("emailAddress", "a@b.c"),
                "emailAddress").uniqueConstraint("emailAddress");
        Changeset<Account> identity = new Changesets(IDENTITY).cast(new Account(), Map.of("emailAddress", "a@b.c"),
                "emailAddress").uniqueConstraint("emailAddress");
        assertThat(snake.constraints()).extracting(Constraint::name).containsExactly("accounts_email_address_index");
        assertThat(identity.constraints()).extracting(Constraint::name).containsExactly("accounts_emailAddress_index");
        assertThat(snake.metadata().registry()).isSameAs(SNAKE_CASE);
        assertThat(identity.metadata().registry()).isSameAs(IDENTITY);
    }

    @Test
    void nestedCastsUseTheRegistryOfTheirParent() {
        Changeset<Account> changeset = new Changesets(IDENTITY).cast(new Account(),
                Map.of("billing", Map.of("postalCode", "30-001")), "emailAddress").castEmbed("billing");
        Account applied = changeset.applyChanges();
        assertThat(applied.billing.postalCode).isEqualTo("30-001");
        assertThat(changeset.metadata().registry().get(Billing.class)).isSameAs(IDENTITY.get(Billing.class));
    }

    @Test
    void staticCastsUseStandaloneMetadataWithEctosDefaultsWhateverRegistriesExist() {
        Changeset<Account> changeset = Changeset.cast(new Account(), Map.of("emailAddress", "a@b.c"), "emailAddress")
                .uniqueConstraint("emailAddress");
        assertThat(changeset.metadata()).isSameAs(SchemaRegistry.standalone(Account.class));
        assertThat(changeset.constraints()).extracting(Constraint::name).containsExactly("accounts_email_address_index");
    }
}
