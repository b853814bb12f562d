package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FieldAccessorTest {

    private final SchemaMetadata schema = SchemaRegistry.builder()
        .add(AuditedRecord.class)
        .build()
        .get(AuditedRecord.class);

    @Test
    void usesGeneratedBytecodeForTheClassesOwnFieldsAndMethodHandlesForPrivateInheritedOnes() {
        assertThat(this.schema.field("id").accessor().generated()).isTrue();
        assertThat(this.schema.field("revision").accessor())
            .hasToString("FieldAccessor[AuditedRecord.revision, generated]");
        assertThat(this.schema.field("createdBy").accessor())
            .hasToString("FieldAccessor[AuditedBase.createdBy, method handles]");
    }

    @Test
    void readsAndWritesEveryKindOfFieldBothWays() {
        AuditedRecord record = (AuditedRecord) this.schema.structs().newInstance();
        LocalDateTime seen = LocalDateTime.of(2026, 1, 2, 3, 4);
        this.schema.field("id").accessor().set(record, 7L);
        this.schema.field("revision").accessor().set(record, 3);
        this.schema.field("title").accessor().set(record, "t");
        this.schema.field("seenAt").accessor().set(record, seen);
        this.schema.field("createdBy").accessor().set(record, "jose");
        assertThat(this.schema.field("id").accessor().get(record)).isEqualTo(7L);
        assertThat(this.schema.field("revision").accessor().get(record)).isEqualTo(3);
        assertThat(this.schema.field("title").accessor().get(record)).isEqualTo("t");
        assertThat(this.schema.field("seenAt").accessor().get(record)).isEqualTo(seen);
        assertThat(this.schema.field("createdBy").accessor().get(record)).isEqualTo("jose");
        assertThat(this.schema.field("createdBy").defaultValue()).isEqualTo("system");
    }

    @Test
    void refusesValuesOfTheWrongTypeWithTheField() {
        Object record = this.schema.structs().newInstance();
        assertThatThrownBy(() -> this.schema.field("revision").accessor().set(record, "three"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Cannot set a java.lang.String into AuditedRecord.revision");
        assertThatThrownBy(() -> this.schema.field("createdBy").accessor().set(record, 5))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Cannot set a java.lang.Integer into AuditedBase.createdBy");
    }

}
