package io.schemaspring.repo.it;

/** Ecto's joins.exs tests and common table expressions on Postgres. */
class PostgresEctoJoinsTest extends EctoJoinsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
