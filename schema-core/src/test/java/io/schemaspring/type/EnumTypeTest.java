package io.schemaspring.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.SchemaRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnumTypeTest {

    enum Plain {

        RED, GREEN

    }

    enum Coded {

        @EnumValue(intValue = 1)
        FOO, @EnumValue(intValue = 2)
        BAR

    }

    enum Lettered {

        @EnumValue("f")
        FOO, @EnumValue("b")
        BAR, BAZ

    }

    enum Mixed {

        @EnumValue(intValue = 1)
        FOO, @EnumValue("b")
        BAR

    }

    enum Duplicated {

        @EnumValue("x")
        FOO, @EnumValue("x")
        BAR

    }

    enum Both {

        @EnumValue(value = "f", intValue = 1)
        FOO

    }

    @Test
    void reflectsValuesDumpValuesAndMappingsInDeclarationOrder() {
        EnumType coded = new EnumType(Coded.class);
        assertThat(coded.values()).containsExactly(Coded.FOO, Coded.BAR);
        assertThat(coded.dumpValues()).containsExactly(1, 2);
        assertThat(coded.mappings()).containsExactly(Map.entry(Coded.FOO, 1), Map.entry(Coded.BAR, 2));
        assertThat(coded.integer()).isTrue();
        EnumType lettered = new EnumType(Lettered.class);
        assertThat(lettered.dumpValues()).containsExactly("f", "b", "BAZ");
        assertThat(lettered.integer()).isFalse();
        assertThat(new EnumType(Plain.class).mappings()).containsExactly(Map.entry(Plain.RED, "RED"),
                Map.entry(Plain.GREEN, "GREEN"));
    }

    @Test
    void printsLikeEcto() {
        assertThat(new EnumType(Plain.class)).hasToString("#Ecto.Enum<values: [:RED, :GREEN]>");
        assertThat(new EnumType(Coded.class)).hasToString("#Ecto.Enum<values: [FOO: 1, BAR: 2]>");
        assertThat(new EnumType(Lettered.class))
            .hasToString("#Ecto.Enum<values: [FOO: \"f\", BAR: \"b\", BAZ: \"BAZ\"]>");
    }

    @Test
    void integerMappingsCastConstantsNamesAndIntegers() {
        EnumType coded = new EnumType(Coded.class);
        assertThat(coded.cast(Coded.BAR).value()).isEqualTo(Coded.BAR);
        assertThat(coded.cast("FOO").value()).isEqualTo(Coded.FOO);
        assertThat(coded.cast(2).value()).isEqualTo(Coded.BAR);
        assertThat(coded.cast(1L).value()).isEqualTo(Coded.FOO);
        assertThat(coded.cast(null).value()).isNull();
        assertThat(coded.cast("1").isOk()).isFalse();
        assertThat(coded.cast(3).isOk()).isFalse();
        assertThat(coded.cast(1.0).isOk()).isFalse();
        assertThat(coded.cast("foo").isOk()).isFalse();
        assertThat(coded.cast(Plain.RED).isOk()).isFalse();
    }

    @Test
    void stringMappingsCastConstantsNamesAndMappedStrings() {
        EnumType lettered = new EnumType(Lettered.class);
        assertThat(lettered.cast("f").value()).isEqualTo(Lettered.FOO);
        assertThat(lettered.cast("FOO").value()).isEqualTo(Lettered.FOO);
        assertThat(lettered.cast("BAZ").value()).isEqualTo(Lettered.BAZ);
        assertThat(lettered.cast(Lettered.BAR).value()).isEqualTo(Lettered.BAR);
        assertThat(lettered.cast("x").isOk()).isFalse();
        assertThat(lettered.cast(1).isOk()).isFalse();
    }

    @Test
    void dumpsAndLoadsTheMappedValues() {
        EnumType coded = new EnumType(Coded.class);
        assertThat(coded.dump(Coded.BAR)).isEqualTo(2);
        assertThat(coded.load(2L)).isEqualTo(Coded.BAR);
        assertThat(coded.load("BAR")).isNull();
        EnumType lettered = new EnumType(Lettered.class);
        assertThat(lettered.dump(Lettered.FOO)).isEqualTo("f");
        assertThat(lettered.load("f")).isEqualTo(Lettered.FOO);
        assertThat(lettered.load("FOO")).isNull();
    }

    @Test
    void embedAsTakesPartInEquality() {
        assertThat(new EnumType(Coded.class)).isEqualTo(new EnumType(Coded.class, EmbedAs.VALUES))
            .isNotEqualTo(new EnumType(Coded.class, EmbedAs.DUMPED));
        assertThat(new EnumType(Coded.class).embedAs()).isEqualTo(EmbedAs.VALUES);
    }

    @Test
    void refusesMixedDuplicatedOrDoubleMappings() {
        assertThatThrownBy(() -> new EnumType(Mixed.class)).isInstanceOf(InvalidTypeException.class)
            .hasMessageContaining("Ecto.Enum Mixed mixes integer mappings (FOO) with string mappings (BAR)");
        assertThatThrownBy(() -> new EnumType(Duplicated.class)).isInstanceOf(InvalidTypeException.class)
            .hasMessageContaining("Ecto.Enum Duplicated maps both FOO and BAR to \"x\"");
        assertThatThrownBy(() -> new EnumType(Both.class)).isInstanceOf(InvalidTypeException.class)
            .hasMessageContaining("Both.FOO maps to both \"f\" and 1");
    }

    @Schema("reflected")
    static class Reflected {

        public Long id;

        public Coded coded;

        @Field(embedAs = EmbedAs.DUMPED)
        public List<Lettered> letters;

        @Field(virtual = true)
        public Object anything;

    }

    @Test
    void schemaFieldsReflectTheirEnumTypeLikeEctoEnumValuesOfSchemaAndField() {
        SchemaRegistry registry = SchemaRegistry.builder().add(Reflected.class).build();
        EnumType coded = (EnumType) registry.get(Reflected.class).field("coded").type();
        assertThat(coded.values()).containsExactly(Coded.FOO, Coded.BAR);
        assertThat(coded.mappings()).containsEntry(Coded.BAR, 2);
        ArrayType letters = (ArrayType) registry.get(Reflected.class).field("letters").type();
        assertThat(((EnumType) letters.elementType()).embedAs()).isEqualTo(EmbedAs.DUMPED);
        Type any = registry.get(Reflected.class).field("anything").type();
        assertThat(any).hasToString(":any");
        Object value = new Object();
        assertThat(any.cast(value).value()).isSameAs(value);
        assertThat(any.cast(List.of(1, "x")).value()).isEqualTo(List.of(1, "x"));
        assertThat(any.cast(null).value()).isNull();
    }

}
