package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.Schema;
import org.junit.jupiter.api.Test;

class RecordSchemaTest {

    @Schema("gadgets")
    record Gadget(Long id, String name, int weight) {
    }

    private final SchemaMetadata schema = SchemaRegistry.builder().add(Gadget.class).build().get(Gadget.class);

    @Test
    void aRecordIsASchemaWhoseComponentsAreItsFields() {
        assertThat(this.schema.record()).isTrue();
        assertThat(this.schema.fields()).containsExactly("id", "name", "weight");
        assertThat(this.schema.primaryKey()).containsExactly("id");
        assertThat(this.schema.field("weight").accessor())
            .hasToString("FieldAccessor[Gadget.weight, record component]");
        assertThat(this.schema.structs().newInstance()).isEqualTo(new Gadget(null, null, 0));
    }

    @Test
    void valuesGoIntoADraftThatBuildsANewRecord() {
        Gadget given = new Gadget(1L, "lamp", 3);
        RecordDraft draft = this.schema.structs().draft(given);
        this.schema.field("name").accessor().set(draft, "desk lamp");
        assertThat(this.schema.field("name").accessor().get(draft)).isEqualTo("desk lamp");
        assertThat(this.schema.field("weight").accessor().get(given)).isEqualTo(3);
        assertThat(this.schema.structs().build(draft)).isEqualTo(new Gadget(1L, "desk lamp", 3));
        assertThat(this.schema.structs().with(given, "weight", 4)).isEqualTo(new Gadget(1L, "lamp", 4));
        assertThat(this.schema.structs().copy(given)).isEqualTo(given).isNotSameAs(given);
        assertThat(given).isEqualTo(new Gadget(1L, "lamp", 3));
    }

    @Test
    void aRecordItselfIsNeverChanged() {
        assertThatThrownBy(() -> this.schema.field("name").accessor().set(new Gadget(1L, "lamp", 3), "x"))
            .isInstanceOf(UnsupportedOperationException.class)
            .hasMessage("Cannot set Gadget.name: it is a record component, and records are immutable "
                    + "(the repository answers a new record)");
        RecordDraft draft = this.schema.structs().draft(null);
        assertThatThrownBy(() -> this.schema.field("weight").accessor().set(draft, "heavy"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Cannot set a java.lang.String into Gadget.weight");
        assertThatThrownBy(() -> this.schema.field("weight").accessor().set(draft, null))
            .isInstanceOf(IllegalArgumentException.class);
    }

}
