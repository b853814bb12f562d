package io.schemaspring.repo.it;

/** Records as schemas on MariaDb. */
class MariaDbRecordTest extends RecordContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
