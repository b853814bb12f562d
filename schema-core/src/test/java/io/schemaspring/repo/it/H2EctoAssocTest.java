package io.schemaspring.repo.it;

/** Ecto's assoc.exs association writes on H2. */
class H2EctoAssocTest extends EctoAssocContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
