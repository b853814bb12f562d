package io.schemaspring.repo.it;

/** Ecto.ParameterizedType on MariaDb. */
class MariaDbParameterizedTypeTest extends ParameterizedTypeContract {

    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

}
