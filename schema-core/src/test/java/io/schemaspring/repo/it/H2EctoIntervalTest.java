package io.schemaspring.repo.it;

/** Ecto's interval.exs tests on H2. */
class H2EctoIntervalTest extends EctoIntervalContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
