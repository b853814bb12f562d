package io.schemaspring.repo.it;

/** Ecto's subquery.exs tests on Postgres. */
class PostgresEctoSubqueryTest extends EctoSubqueryContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
