package io.schemaspring.repo.it;

/** Ecto's joins.exs preloads from joins on H2. */
class H2EctoJoinedPreloadTest extends EctoJoinedPreloadContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
