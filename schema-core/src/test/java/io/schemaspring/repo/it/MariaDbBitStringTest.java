package io.schemaspring.repo.it;

/** Ecto's :bitstring on MariaDb. */
class MariaDbBitStringTest extends BitStringContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
