package io.schemaspring.repo.it;

/** Ecto's assoc.exs association writes on Postgres. */
class PostgresEctoAssocTest extends EctoAssocContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
