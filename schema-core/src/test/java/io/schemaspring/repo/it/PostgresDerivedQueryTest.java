package io.schemaspring.repo.it;

/** Spring Data repository interfaces on Postgres. */
class PostgresDerivedQueryTest extends DerivedQueryContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
