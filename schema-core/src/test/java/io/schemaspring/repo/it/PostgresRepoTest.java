package io.schemaspring.repo.it;

/** The repository contract on Postgres. */
class PostgresRepoTest extends RepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
