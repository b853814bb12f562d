package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsMany;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Schema;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmbedTest {

    @EmbeddedSchema
    static class Address {

        private UUID id;

        private String street;

        private String city;

    }

    @Schema("customers")
    static class Customer {

        private Long id;

        @EmbedsOne(source = "home_address", onReplace = OnReplace.UPDATE, defaultsToStruct = true)
        private Address address;

        @EmbedsMany
        private List<Phone> phones;

        @EmbedsOne(loadInQuery = false)
        private Preferences preferences;

        private String name;

        /** An inline embedded schema: a static nested class, no annotation needed. */
        static class Phone {

            private UUID id;

            private String number;

        }

        static class Preferences {

            private boolean newsletter = true;

        }

    }

    private final SchemaRegistry registry = SchemaRegistry.builder().add(Customer.class).build();

    @Test
    void embedsAreFieldsStoredInTheirOwnColumn() {
        SchemaMetadata customer = this.registry.get(Customer.class);
        assertThat(customer.embeds()).containsExactly("address", "phones", "preferences");
        assertThat(customer.fields()).containsExactly("id", "address", "phones", "preferences", "name");
        assertThat(customer.queryFields()).containsExactly("id", "address", "phones", "name");
        assertThat(customer.fieldSource("address")).isEqualTo("home_address");
        assertThat(customer.fieldSource("phones")).isEqualTo("phones");
        assertThat(customer.type("address")).hasToString("{:embed, Address}");
        assertThat(customer.type("phones")).hasToString("{:array, {:embed, Phone}}");
        assertThat(customer.associations()).isEmpty();
    }

    @Test
    void reflectsEmbedOptions() {
        SchemaMetadata customer = this.registry.get(Customer.class);
        EmbedMetadata address = customer.embed("address");
        assertThat(address.cardinality()).isEqualTo(Cardinality.ONE);
        assertThat(address.related()).isEqualTo(Address.class);
        assertThat(address.onReplace()).isEqualTo(OnReplace.UPDATE);
        assertThat(address.defaultsToStruct()).isTrue();
        EmbedMetadata phones = customer.embed("phones");
        assertThat(phones.cardinality()).isEqualTo(Cardinality.MANY);
        assertThat(phones.related()).isEqualTo(Customer.Phone.class);
        assertThat(customer.field("phones").defaultValue()).isEqualTo(List.of());
    }

    @Test
    void registersEmbeddedSchemasIncludingInlineOnes() {
        SchemaMetadata phone = this.registry.get(Customer.Phone.class);
        assertThat(phone.embedded()).isTrue();
        assertThat(phone.source()).isNull();
        assertThat(phone.fields()).containsExactly("id", "number");
        assertThat(phone.autogenerateId().type()).hasToString(":binary_id");
        SchemaMetadata preferences = this.registry.get(Customer.Preferences.class);
        assertThat(preferences.primaryKey()).isEmpty();
        assertThat(preferences.field("newsletter").defaultValue()).isEqualTo(true);
        assertThat(this.registry.get(Address.class).fields()).containsExactly("id", "street", "city");
    }

}
