package io.schemaspring.repo.it;

/** Ecto's assoc.exs association writes on MariaDb. */
class MariaDbEctoAssocTest extends EctoAssocContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
