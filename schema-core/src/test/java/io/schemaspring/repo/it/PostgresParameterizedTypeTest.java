package io.schemaspring.repo.it;

/** Ecto.ParameterizedType on Postgres. */
class PostgresParameterizedTypeTest extends ParameterizedTypeContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
