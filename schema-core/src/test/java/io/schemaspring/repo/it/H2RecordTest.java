package io.schemaspring.repo.it;

/** Records as schemas on H2. */
class H2RecordTest extends RecordContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
