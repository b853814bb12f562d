package io.schemaspring.repo.it;

/** Ecto.Enum mappings on MariaDb. */
class MariaDbEnumTest extends EnumContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
