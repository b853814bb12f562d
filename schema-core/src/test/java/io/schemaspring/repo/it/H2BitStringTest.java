package io.schemaspring.repo.it;

/** Ecto's :bitstring on H2. */
class H2BitStringTest extends BitStringContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
