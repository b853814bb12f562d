package io.schemaspring.repo.it;

/** Ecto's joins.exs tests and common table expressions on MariaDb. */
class MariaDbEctoJoinsTest extends EctoJoinsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
