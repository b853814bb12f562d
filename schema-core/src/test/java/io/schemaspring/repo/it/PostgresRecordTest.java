package io.schemaspring.repo.it;

/** Records as schemas on Postgres. */
class PostgresRecordTest extends RecordContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
