package io.schemaspring.repo.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.repo.it.fixtures.Address;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.EnumTicket;
import io.schemaspring.type.ArrayType;
import io.schemaspring.type.CastResult;
import io.schemaspring.type.CustomType;
import io.schemaspring.type.EmbedType;
import io.schemaspring.type.EnumType;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.MapType;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.SchemaType;
import io.schemaspring.type.Type;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The one storage decision (Ecto.Type.type/1 answered by a database) that codecs, DDL and
 * validation start from.
 */
class DialectStorageTest {

    private static final Dialect POSTGRES = new PostgresDialect(Dialect.LetterCase.LOWER);

    private static final Dialect MARIADB = new MariaDbDialect(Dialect.LetterCase.AS_IS);

    private static final Type INTEGERS = new ArrayType(new PrimitiveType(FieldType.INTEGER, Long.class));

    private static final Type STATUSES = new EnumType(EnumTicket.Status.class);

    private static final Type ROLES = new EnumType(Author.Role.class);

    record Cents(long value) {
    }

    static final class CentsType implements SchemaType<Cents> {

        @Override
        public FieldType type() {
            return FieldType.INTEGER;
        }

        @Override
        public Class<Cents> javaType() {
            return Cents.class;
        }

        @Override
        public CastResult<Cents> cast(@Nullable Object input) {
            return input instanceof Long value ? CastResult.ok(new Cents(value)) : CastResult.invalid();
        }

        @Override
        public Cents load(@Nullable Object stored) {
            return new Cents((Long) stored);
        }

        @Override
        public Object dump(@Nullable Cents value) {
            return value.value();
        }

    }

    @Test
    void enumsAndCustomTypesAreStoredAsTheirUnderlyingPrimitiveType() {
        assertThat(STATUSES.storedType()).isEqualTo(new PrimitiveType(FieldType.INTEGER, Long.class));
        assertThat(ROLES.storedType()).isEqualTo(new PrimitiveType(FieldType.STRING, String.class));
        assertThat(new CustomType(new CentsType()).storedType())
            .isEqualTo(new PrimitiveType(FieldType.INTEGER, Long.class));
        assertThat(INTEGERS.storedType()).isSameAs(INTEGERS);
    }

    @Test
    void primitivesEnumsAndCustomTypesGetAColumnOfTheirStoredType() {
        for (Dialect dialect : new Dialect[] { POSTGRES, MARIADB }) {
            assertThat(dialect.storage(new PrimitiveType(FieldType.UTC_DATETIME, java.time.Instant.class)))
                .isEqualTo(new Storage.Scalar(FieldType.UTC_DATETIME));
            assertThat(dialect.storage(STATUSES)).isEqualTo(new Storage.Scalar(FieldType.INTEGER));
            assertThat(dialect.storage(ROLES)).isEqualTo(new Storage.Scalar(FieldType.STRING));
            assertThat(dialect.storage(new CustomType(new CentsType())))
                .isEqualTo(new Storage.Scalar(FieldType.INTEGER));
        }
    }

    @Test
    void arraysOfPlainPrimitivesAreNativeWhereTheDatabaseHasArraysAndJsonElsewhere() {
        assertThat(POSTGRES.storage(INTEGERS)).isEqualTo(new Storage.NativeArray(FieldType.INTEGER));
        assertThat(MARIADB.storage(INTEGERS)).isEqualTo(Storage.JSON);
        assertThat(POSTGRES.storage(new ArrayType(STATUSES))).as("arrays of enums").isEqualTo(Storage.JSON);
        assertThat(POSTGRES.storage(new ArrayType(new PrimitiveType(FieldType.MAP, Map.class))))
            .isEqualTo(Storage.JSON);
    }

    @Test
    void mapsAndEmbedsAreJson() {
        assertThat(POSTGRES.storage(new PrimitiveType(FieldType.MAP, Map.class))).isEqualTo(Storage.JSON);
        assertThat(POSTGRES.storage(new MapType(new PrimitiveType(FieldType.INTEGER, Long.class))))
            .isEqualTo(Storage.JSON);
        assertThat(POSTGRES.storage(new EmbedType(Address.class, false))).isEqualTo(Storage.JSON);
    }

    @Test
    void eachStorageHasItsColumnType() {
        assertThat(POSTGRES.columnType(new Storage.Scalar(FieldType.BINARY))).isEqualTo("BYTEA");
        assertThat(POSTGRES.columnType(new Storage.NativeArray(FieldType.INTEGER))).isEqualTo("BIGINT[]");
        assertThat(POSTGRES.columnType(Storage.JSON)).isEqualTo("JSONB");
        assertThat(MARIADB.columnType(Storage.JSON)).isEqualTo("JSON");
        assertThat(MARIADB.columnType(new Storage.Scalar(FieldType.UUID))).isEqualTo("CHAR(36)");
    }

}
