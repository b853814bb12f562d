package io.schemaspring.repo.it;

/** Ecto's windows.exs tests on H2. */
class H2EctoWindowsTest extends EctoWindowsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
