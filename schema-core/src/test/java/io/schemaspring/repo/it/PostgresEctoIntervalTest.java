package io.schemaspring.repo.it;

/** Ecto's interval.exs tests on Postgres. */
class PostgresEctoIntervalTest extends EctoIntervalContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
