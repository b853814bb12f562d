package io.schemaspring.repo.it;

/** Ecto's repo.exs tests on H2. */
class H2EctoRepoTest extends EctoRepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
