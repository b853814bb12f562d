package io.schemaspring.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.SchemaDefinitionException;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.it.fixtures.Price;
import io.schemaspring.repo.it.fixtures.ScaledDecimal;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Ecto.ParameterizedType: one instance of a custom type per field, built with that
 * field's options.
 */
class ParameterizedTypeTest {

    /** A custom type without options. */
    static final class Plain implements SchemaType<String> {

        @Override
        public FieldType type() {
            return FieldType.STRING;
        }

        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public CastResult<String> cast(@Nullable Object input) {
            return CastResult.ok((String) input);
        }

        @Override
        public @Nullable String load(@Nullable Object databaseValue) {
            return (String) databaseValue;
        }

        @Override
        public @Nullable Object dump(@Nullable String value) {
            return value;
        }

    }

    @Schema("prices")
    static class SpacedOptions {

        Long id;

        @Field(customType = ScaledDecimal.class, typeOptions = " scale = 4 ")
        BigDecimal rate;

    }

    @Schema("prices")
    static class MissingScale {

        Long id;

        @Field(customType = ScaledDecimal.class)
        BigDecimal amount;

    }

    @Schema("prices")
    static class NegativeScale {

        Long id;

        @Field(customType = ScaledDecimal.class, typeOptions = "scale=-1")
        BigDecimal amount;

    }

    @Schema("prices")
    static class OptionsForAPlainType {

        Long id;

        @Field(customType = Plain.class, typeOptions = "x=1")
        String name;

    }

    @Schema("prices")
    static class OptionsWithoutAType {

        Long id;

        @Field(typeOptions = "x=1")
        String name;

    }

    @Test
    void eachFieldGetsItsOwnInstanceBuiltWithItsOptions() {
        var metadata = SchemaRegistry.builder().add(Price.class).build().get(Price.class);
        ScaledDecimal amount = (ScaledDecimal) ((CustomType) metadata.type("amount")).schemaType();
        ScaledDecimal rate = (ScaledDecimal) ((CustomType) metadata.type("rate")).schemaType();
        assertThat(amount).isNotSameAs(rate);
        assertThat(amount.scale()).isEqualTo(2);
        assertThat(amount.field()).isEqualTo("amount");
        assertThat(rate.scale()).isEqualTo(4);
        assertThat(rate.field()).isEqualTo("rate");
        assertThat(metadata.type("amount").cast("12.345").value()).isEqualTo(new BigDecimal("12.35"));
        assertThat(metadata.type("rate").cast("12.345").value()).isEqualTo(new BigDecimal("12.3450"));
        assertThat(amount.dump(new BigDecimal("12.35"))).isEqualTo(1235L);
        assertThat(rate.load(123450L)).isEqualTo(new BigDecimal("12.3450"));
    }

    @Test
    void optionsAroundSpacesAreTrimmed() {
        var metadata = SchemaRegistry.builder().add(SpacedOptions.class).build().get(SpacedOptions.class);
        assertThat(((ScaledDecimal) ((CustomType) metadata.type("rate")).schemaType()).scale()).isEqualTo(4);
    }

    @Test
    void optionsThatTheTypeRefusesOrDoesNotTakeFailStartUp() {
        String prefix = "Invalid schema io.schemaspring.type.ParameterizedTypeTest$";
        assertThatThrownBy(() -> SchemaRegistry.builder().add(MissingScale.class).build())
            .isInstanceOf(SchemaDefinitionException.class)
            .hasMessage(
                    prefix + "MissingScale, field :amount: custom type ScaledDecimal refused its options (the option "
                            + "scale is required (typeOptions = \"scale=...\")). Fix: fix the typeOptions of :amount");
        assertThatThrownBy(() -> SchemaRegistry.builder().add(NegativeScale.class).build())
            .isInstanceOf(SchemaDefinitionException.class)
            .hasMessage(
                    prefix + "NegativeScale, field :amount: custom type ScaledDecimal refused its options (scale must "
                            + "not be negative, got -1). Fix: fix the typeOptions of :amount");
        assertThatThrownBy(() -> SchemaRegistry.builder().add(OptionsForAPlainType.class).build())
            .isInstanceOf(SchemaDefinitionException.class)
            .hasMessage(prefix + "OptionsForAPlainType, field :name: custom type Plain takes no typeOptions. Fix: give "
                    + "Plain a constructor taking TypeParameters, or remove typeOptions");
        assertThatThrownBy(() -> SchemaRegistry.builder().add(OptionsWithoutAType.class).build())
            .isInstanceOf(SchemaDefinitionException.class)
            .hasMessage(
                    prefix + "OptionsWithoutAType, field :name: it sets typeOptions without a customType. Fix: name "
                            + "the parameterized type with @Field(customType = ...), or remove typeOptions");
    }

}
