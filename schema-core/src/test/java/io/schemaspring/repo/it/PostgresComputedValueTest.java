package io.schemaspring.repo.it;

/** Computed values on Postgres. */
class PostgresComputedValueTest extends ComputedValueContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
