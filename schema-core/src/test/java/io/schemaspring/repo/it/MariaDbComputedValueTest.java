package io.schemaspring.repo.it;

/** Computed values on MariaDb. */
class MariaDbComputedValueTest extends ComputedValueContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
