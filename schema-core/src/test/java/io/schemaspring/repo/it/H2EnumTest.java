package io.schemaspring.repo.it;

/** Ecto.Enum mappings on H2. */
class H2EnumTest extends EnumContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
