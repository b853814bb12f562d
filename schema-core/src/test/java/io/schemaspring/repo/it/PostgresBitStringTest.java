package io.schemaspring.repo.it;

/** Ecto's :bitstring on Postgres. */
class PostgresBitStringTest extends BitStringContract {

    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

}
