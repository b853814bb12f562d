package io.schemaspring.repo.it;

/** Ecto's interval.exs tests on MariaDb. */
class MariaDbEctoIntervalTest extends EctoIntervalContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
