package io.schemaspring.repo.it;

/** Ecto's schemaless queries and writes on MariaDb. */
class MariaDbEctoSchemalessTest extends EctoSchemalessContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
