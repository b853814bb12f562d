package io.schemaspring.repo.it;

/** The statement log on Postgres. */
class PostgresStatementLogTest extends StatementLogContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
