package io.schemaspring.repo.it;

/** Ecto's schemaless queries and writes on Postgres. */
class PostgresEctoSchemalessTest extends EctoSchemalessContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
