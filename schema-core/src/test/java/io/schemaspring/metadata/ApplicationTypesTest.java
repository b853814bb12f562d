package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import io.schemaspring.type.Money;
import io.schemaspring.type.MoneyType;
import io.schemaspring.type.SchemaTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Custom types registered for the whole application rather than per field. */
class ApplicationTypesTest {

    private static final SchemaTypes TYPES = SchemaTypes.builder().add(new MoneyType()).build();

    @Schema("invoices")
    static class Invoice {

        private Long id;

        private Money total;

        private List<Money> parts;

        private Map<String, Money> byCurrency;

        @Field(customType = CentsOnlyType.class)
        private Money rounded;

    }

    static class CentsOnlyType extends MoneyType {

    }

    @Schema("wallets")
    static class Wallet {

        private Long id;

        private Money balance;

    }

    private final SchemaRegistry registry = SchemaRegistry.builder().types(TYPES).add(Invoice.class).build();

    @Test
    void typesAFieldOfARegisteredJavaTypeWithoutAnnotation() {
        SchemaMetadata invoice = this.registry.get(Invoice.class);
        assertThat(invoice.type("total")).hasToString("MoneyType");
        assertThat(invoice.type("total").javaType()).isEqualTo(Money.class);
        assertThat(invoice.fieldSource("total")).isEqualTo("total");
    }

    @Test
    void typesListElementsAndMapValuesOfARegisteredJavaType() {
        SchemaMetadata invoice = this.registry.get(Invoice.class);
        assertThat(invoice.type("parts")).hasToString("{:array, MoneyType}");
        assertThat(invoice.type("byCurrency")).hasToString("{:map, MoneyType}");
    }

    @Test
    void aFieldAnnotationWinsOverTheRegisteredType() {
        assertThat(this.registry.get(Invoice.class).type("rounded")).hasToString("CentsOnlyType");
    }

    @Test
    void keepsTheTypesItWasBuiltWith() {
        assertThat(this.registry.types()).isSameAs(TYPES);
        assertThat(SchemaRegistry.builder().build().types()).isSameAs(SchemaTypes.none());
    }

    @Test
    void failsWithoutARegistrationNamingBothFixes() {
        assertThatThrownBy(() -> SchemaRegistry.builder().add(Wallet.class).build())
            .isInstanceOf(SchemaDefinitionException.class)
            .hasMessageContaining("Wallet, field :balance: unknown type io.schemaspring.type.Money for field :balance")
            .hasMessageEndingWith("or a custom type with @Field(customType = ...), or register a SchemaType for "
                    + "io.schemaspring.type.Money for the whole application (SchemaTypes in "
                    + "SchemaRegistry.builder().types(...), or a SchemaType bean in Spring Boot)");
    }

}
