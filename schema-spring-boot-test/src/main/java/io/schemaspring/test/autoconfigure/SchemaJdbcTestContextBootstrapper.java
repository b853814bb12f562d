package io.schemaspring.test.autoconfigure;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/** Reads {@link SchemaJdbcTest#properties()} into the test's environment. */
class SchemaJdbcTestContextBootstrapper extends TestSliceTestContextBootstrapper<SchemaJdbcTest> {

}
