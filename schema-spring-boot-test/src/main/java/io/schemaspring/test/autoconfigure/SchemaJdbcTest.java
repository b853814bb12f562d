package io.schemaspring.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureJdbc;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test of the data layer only, like {@code @DataJdbcTest}: the schema registry,
 * {@code Repo}, {@code Changesets} and the {@code SchemaRepository} beans on an embedded
 * database that replaces the application's (unless {@link #replaceDatabase()} is
 * {@code NONE}: then on the configured one, PostgreSQL with its own DDL say), each test
 * in a transaction rolled back at its end. Components, controllers and other
 * auto-configurations are not loaded; {@code @Import} what a test needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(SchemaJdbcTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(SchemaJdbcTypeExcludeFilter.class)
@Transactional
@AutoConfigureJdbc
@AutoConfigureTestDatabase
@AutoConfigureSchemaJdbc
@ImportAutoConfiguration
public @interface SchemaJdbcTest {

    /**
     * Properties in {@code key=value} form added to the environment before the test runs.
     */
    String[] properties() default {};

    /**
     * Whether the default filters apply: they include no component;
     * {@code includeFilters} add some.
     */
    boolean useDefaultFilters() default true;

    /** Components to add to the context. */
    Filter[] includeFilters() default {};

    /** Components to leave out of the context. */
    Filter[] excludeFilters() default {};

    /**
     * Which data source the test's embedded database replaces: {@code ANY} (the default,
     * as {@code @DataJdbcTest}), or {@code NONE} to test on the database
     * {@code spring.datasource} configures.
     */
    @AliasFor(annotation = AutoConfigureTestDatabase.class, attribute = "replace")
    AutoConfigureTestDatabase.Replace replaceDatabase() default AutoConfigureTestDatabase.Replace.ANY;

    /** Auto-configurations to leave out of this slice. */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};

}
