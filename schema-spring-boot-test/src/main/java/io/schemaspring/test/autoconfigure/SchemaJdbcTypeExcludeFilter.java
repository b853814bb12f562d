package io.schemaspring.test.autoconfigure;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * Leaves every scanned component out of a {@link SchemaJdbcTest} unless its filters name
 * it.
 */
class SchemaJdbcTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<SchemaJdbcTest> {

    SchemaJdbcTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }

}
