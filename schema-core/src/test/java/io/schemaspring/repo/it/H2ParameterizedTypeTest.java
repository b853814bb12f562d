package io.schemaspring.repo.it;

/** Ecto.ParameterizedType on H2. */
class H2ParameterizedTypeTest extends ParameterizedTypeContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
