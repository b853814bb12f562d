package io.schemaspring.repo.it;

/** Ecto's preload.exs preloads on H2. */
class H2EctoPreloadTest extends EctoPreloadContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
