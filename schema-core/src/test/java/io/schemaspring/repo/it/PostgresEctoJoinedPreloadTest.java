package io.schemaspring.repo.it;

/** Ecto's joins.exs preloads from joins on Postgres. */
class PostgresEctoJoinedPreloadTest extends EctoJoinedPreloadContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
