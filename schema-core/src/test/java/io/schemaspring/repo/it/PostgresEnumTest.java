package io.schemaspring.repo.it;

/** Ecto.Enum mappings on Postgres. */
class PostgresEnumTest extends EnumContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
