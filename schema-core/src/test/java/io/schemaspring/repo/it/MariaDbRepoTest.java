package io.schemaspring.repo.it;

/** The repository contract on MariaDb. */
class MariaDbRepoTest extends RepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
