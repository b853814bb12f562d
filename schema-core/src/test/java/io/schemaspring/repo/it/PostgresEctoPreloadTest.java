package io.schemaspring.repo.it;

/** Ecto's preload.exs preloads on Postgres. */
class PostgresEctoPreloadTest extends EctoPreloadContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
