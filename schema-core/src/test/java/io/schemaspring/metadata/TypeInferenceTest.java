package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import io.schemaspring.type.CastResult;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.SchemaType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {

    /** A money amount in cents, stored as an integer. */
    record Money(long cents) {
    }

    static class MoneyType implements SchemaType<Money> {

        @Override
        public FieldType type() {
            return FieldType.INTEGER;
        }

        @Override
        public Class<Money> javaType() {
            return Money.class;
        }

        @Override
        public CastResult<Money> cast(@Nullable Object input) {
            return input instanceof Long cents ? CastResult.ok(new Money(cents)) : CastResult.invalid();
        }

        @Override
        public Money load(@Nullable Object databaseValue) {
            return new Money((Long) databaseValue);
        }

        @Override
        public Object dump(@Nullable Money value) {
            return value.cents();
        }

    }

    @Schema("everything")
    static class Everything {

        @PrimaryKey
        private Long id;

        private long primitiveLong;

        private Integer integer;

        private int primitiveInt;

        private Short small;

        private Double real;

        private float primitiveFloat;

        private BigDecimal decimal;

        private Boolean flag;

        private boolean primitiveFlag;

        private String text;

        private byte[] bytes;

        private UUID uuid;

        private LocalDate date;

        private LocalTime time;

        @Field(type = FieldType.TIME_USEC)
        private LocalTime preciseTime;

        private LocalDateTime naive;

        @Field(type = FieldType.NAIVE_DATETIME_USEC)
        private LocalDateTime naiveUsec;

        private Instant instant;

        private OffsetDateTime offset;

        @Field(type = FieldType.UTC_DATETIME_USEC)
        private Instant instantUsec;

        private Duration duration;

        private List<String> strings;

        private List<List<Integer>> matrix;

        @Field(type = FieldType.NAIVE_DATETIME_USEC)
        private List<LocalDateTime> moments;

        private Map<String, Object> map;

        private Map<String, Integer> counts;

        private Map<String, List<String>> tags;

        @Field(type = FieldType.UUID)
        private UUID ectoUuid;

        @Field(type = FieldType.STRING)
        private String explicitString;

        @Field(customType = MoneyType.class)
        private Money price;

        @Field(type = FieldType.INTEGER)
        private Long plainLong;

    }

    private final SchemaMetadata schema = SchemaRegistry.builder().add(Everything.class).build().get(Everything.class);

    @Test
    void infersEctoTypesFromJavaTypes() {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("id", ":id");
        expected.put("primitiveLong", ":integer");
        expected.put("integer", ":integer");
        expected.put("primitiveInt", ":integer");
        expected.put("small", ":integer");
        expected.put("real", ":float");
        expected.put("primitiveFloat", ":float");
        expected.put("decimal", ":decimal");
        expected.put("flag", ":boolean");
        expected.put("primitiveFlag", ":boolean");
        expected.put("text", ":string");
        expected.put("bytes", ":binary");
        expected.put("uuid", ":binary_id");
        expected.put("date", ":date");
        expected.put("time", ":time");
        expected.put("preciseTime", ":time_usec");
        expected.put("naive", ":naive_datetime");
        expected.put("naiveUsec", ":naive_datetime_usec");
        expected.put("instant", ":utc_datetime");
        expected.put("offset", ":utc_datetime");
        expected.put("instantUsec", ":utc_datetime_usec");
        expected.put("duration", ":duration");
        expected.put("strings", "{:array, :string}");
        expected.put("matrix", "{:array, {:array, :integer}}");
        expected.put("moments", "{:array, :naive_datetime_usec}");
        expected.put("map", ":map");
        expected.put("counts", "{:map, :integer}");
        expected.put("tags", "{:map, {:array, :string}}");
        expected.put("ectoUuid", ":uuid");
        expected.put("explicitString", ":string");
        expected.put("price", "MoneyType");
        expected.put("plainLong", ":integer");
        assertThat(this.schema.fields()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((field, type) -> assertThat(this.schema.type(field)).as(field).hasToString(type));
    }

    @Test
    void keepsTheJavaClassOfEachType() {
        assertThat(this.schema.type("primitiveInt").javaType()).isEqualTo(Integer.class);
        assertThat(this.schema.type("offset").javaType()).isEqualTo(OffsetDateTime.class);
        assertThat(this.schema.type("strings").javaType()).isEqualTo(List.class);
        assertThat(this.schema.type("price").javaType()).isEqualTo(Money.class);
    }

    @Test
    void explicitPrimaryKeysAreNotAutogeneratedUnlessAsked() {
        assertThat(this.schema.primaryKey()).containsExactly("id");
        assertThat(this.schema.autogenerateId()).isNull();
    }

}
