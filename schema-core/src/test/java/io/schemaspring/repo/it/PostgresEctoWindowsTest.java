package io.schemaspring.repo.it;

/** Ecto's windows.exs tests on Postgres. */
class PostgresEctoWindowsTest extends EctoWindowsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
