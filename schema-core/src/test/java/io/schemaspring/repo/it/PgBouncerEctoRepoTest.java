package io.schemaspring.repo.it;

/** Ecto's repo.exs tests on PostgreSQL through PgBouncer in transaction pooling mode. */
class PgBouncerEctoRepoTest extends EctoRepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.PGBOUNCER;
    }

}
