package io.schemaspring.repo.it;

/** Ecto's subquery.exs tests on H2. */
class H2EctoSubqueryTest extends EctoSubqueryContract {

    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }

}
