package io.schemaspring.repo.it;

/** Ecto's windows.exs tests on MariaDb. */
class MariaDbEctoWindowsTest extends EctoWindowsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
