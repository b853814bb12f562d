package io.schemaspring.repo.it;

/** Ecto's schemaless queries and writes on H2. */
class H2EctoSchemalessTest extends EctoSchemalessContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
