package io.schemaspring.repo.it;

/** Spring Data repository interfaces on MariaDb. */
class MariaDbDerivedQueryTest extends DerivedQueryContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
