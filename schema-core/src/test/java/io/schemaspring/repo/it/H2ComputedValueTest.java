package io.schemaspring.repo.it;

/** Computed values on H2. */
class H2ComputedValueTest extends ComputedValueContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
