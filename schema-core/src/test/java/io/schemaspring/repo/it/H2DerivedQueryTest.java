package io.schemaspring.repo.it;

/** Spring Data repository interfaces on H2. */
class H2DerivedQueryTest extends DerivedQueryContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
