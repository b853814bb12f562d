package io.schemaspring.repo.it;

/** Ecto's repo.exs tests on Postgres. */
class PostgresEctoRepoTest extends EctoRepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
