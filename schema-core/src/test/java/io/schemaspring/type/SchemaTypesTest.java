package io.schemaspring.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaTypesTest {

    private final MoneyType moneyType = new MoneyType();

    @Test
    void mapsTheJavaTypeTheCustomTypeDeclares() {
        SchemaTypes types = SchemaTypes.builder().add(this.moneyType).build();
        assertThat(types.find(Money.class)).isSameAs(this.moneyType);
        assertThat(types.find(String.class)).isNull();
        assertThat(types).hasToString("SchemaTypes[Money -> MoneyType]");
    }

    @Test
    void aLaterMappingForTheSameJavaTypeReplacesTheEarlierOne() {
        MoneyType replacement = new MoneyType();
        SchemaTypes types = SchemaTypes.builder()
            .add(Money.class, this.moneyType)
            .add(Money.class, replacement)
            .build();
        assertThat(types.find(Money.class)).isSameAs(replacement);
        assertThat(types.asMap()).hasSize(1);
    }

    @Test
    @SuppressWarnings({ "unchecked", "rawtypes" })
    void refusesACustomTypeWhoseValuesTheJavaTypeCannotHold() {
        assertThatThrownBy(() -> SchemaTypes.builder().add((Class) String.class, this.moneyType))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Custom type MoneyType holds Money values, which a String field cannot hold: "
                    + "register it for Money");
    }

    @Test
    void infersTheRegisteredTypeBeforeTheBuiltInTableForFieldsListElementsAndMapValues() {
        SchemaTypes types = SchemaTypes.builder().add(this.moneyType).build();
        assertThat(TypeInference.resolve(Money.class, FieldType.DEFAULT, false, types)).hasToString("MoneyType");
        assertThat(TypeInference.resolve(new Holder<List<Money>>() {
        }.type(), FieldType.DEFAULT, false, types)).hasToString("{:array, MoneyType}");
        assertThat(TypeInference.resolve(new Holder<Map<String, Money>>() {
        }.type(), FieldType.DEFAULT, false, types)).hasToString("{:map, MoneyType}");
    }

    @Test
    void aChosenTypeWinsOverTheRegisteredOne() {
        SchemaTypes types = SchemaTypes.builder().add(String.class, new UpperCaseType()).build();
        assertThat(TypeInference.resolve(String.class, FieldType.DEFAULT, false, types)).hasToString("UpperCaseType");
        assertThat(TypeInference.resolve(String.class, FieldType.STRING, false, types)).hasToString(":string");
    }

    /** Captures a generic type, as a field declaration would. */
    abstract static class Holder<T> {

        java.lang.reflect.Type type() {
            return ((java.lang.reflect.ParameterizedType) getClass().getGenericSuperclass())
                .getActualTypeArguments()[0];
        }

    }

    static class UpperCaseType implements SchemaType<String> {

        @Override
        public FieldType type() {
            return FieldType.STRING;
        }

        @Override
        public Class<String> javaType() {
            return String.class;
        }

        @Override
        public CastResult<String> cast(@org.jspecify.annotations.Nullable Object input) {
            return CastResult.ok(input == null ? null : input.toString().toUpperCase(java.util.Locale.ROOT));
        }

        @Override
        public String load(@org.jspecify.annotations.Nullable Object databaseValue) {
            return (String) databaseValue;
        }

        @Override
        public Object dump(@org.jspecify.annotations.Nullable String value) {
            return value;
        }

    }

}
