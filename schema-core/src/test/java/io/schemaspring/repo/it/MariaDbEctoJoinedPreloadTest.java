package io.schemaspring.repo.it;

/** Ecto's joins.exs preloads from joins on MariaDb. */
class MariaDbEctoJoinedPreloadTest extends EctoJoinedPreloadContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
