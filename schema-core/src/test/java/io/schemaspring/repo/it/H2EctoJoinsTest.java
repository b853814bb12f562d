package io.schemaspring.repo.it;

/** Ecto's joins.exs tests and common table expressions on H2. */
class H2EctoJoinsTest extends EctoJoinsContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
