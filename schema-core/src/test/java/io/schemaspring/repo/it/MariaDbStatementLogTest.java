package io.schemaspring.repo.it;

/** The statement log on MariaDb. */
class MariaDbStatementLogTest extends StatementLogContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
