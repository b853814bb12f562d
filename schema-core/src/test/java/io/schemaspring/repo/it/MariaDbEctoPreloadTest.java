package io.schemaspring.repo.it;

/** Ecto's preload.exs preloads on MariaDb. */
class MariaDbEctoPreloadTest extends EctoPreloadContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
