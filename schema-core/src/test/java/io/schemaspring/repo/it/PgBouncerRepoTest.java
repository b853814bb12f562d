package io.schemaspring.repo.it;

/**
 * The repository contract on PostgreSQL through PgBouncer in transaction pooling mode.
 */
class PgBouncerRepoTest extends RepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.PGBOUNCER;
    }

}
