package io.schemaspring.repo.it;

/** The statement log on H2. */
class H2StatementLogTest extends StatementLogContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
