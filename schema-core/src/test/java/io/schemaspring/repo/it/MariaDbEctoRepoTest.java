package io.schemaspring.repo.it;

/** Ecto's repo.exs tests on MariaDb. */
class MariaDbEctoRepoTest extends EctoRepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
