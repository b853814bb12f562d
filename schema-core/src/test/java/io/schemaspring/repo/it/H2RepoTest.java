package io.schemaspring.repo.it;

/** The repository contract on H2. */
class H2RepoTest extends RepoContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
