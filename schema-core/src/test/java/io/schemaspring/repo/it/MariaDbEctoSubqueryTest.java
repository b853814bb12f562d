package io.schemaspring.repo.it;

/** Ecto's subquery.exs tests on MariaDb. */
class MariaDbEctoSubqueryTest extends EctoSubqueryContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
