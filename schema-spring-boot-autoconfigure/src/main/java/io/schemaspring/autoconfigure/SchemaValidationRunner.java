package io.schemaspring.autoconfigure;

import io.schemaspring.autoconfigure.SchemaProperties.ValidationMode;
import io.schemaspring.ddl.SchemaValidationException;
import io.schemaspring.ddl.SchemaValidator;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.dialect.Dialect;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Checks the database against the schemas after every singleton (Flyway's and Liquibase's
 * initializers included) is created: {@code warn} logs the report once, {@code fail}
 * throws {@link SchemaValidationException} with it.
 */
public class SchemaValidationRunner implements SmartInitializingSingleton {

    private static final Log logger = LogFactory.getLog(SchemaValidationRunner.class);

    private final SchemaRegistry registry;

    private final DataSource dataSource;

    private final Dialect dialect;

    private final ValidationMode mode;

    /**
     * Creates the runner that checks {@code registry}'s schemas against the tables
     * {@code dataSource} reaches, in {@code dialect}; {@code mode}
     * {@link ValidationMode#NONE} turns the check off.
     */
    public SchemaValidationRunner(SchemaRegistry registry, DataSource dataSource, Dialect dialect,
            ValidationMode mode) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.mode = mode;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (this.mode == ValidationMode.NONE) {
            return;
        }
        SchemaValidator.Report report;
        try {
            report = SchemaValidator.validate(this.registry, this.dataSource, this.dialect);
        }
        catch (SQLException ex) {
            if (this.mode == ValidationMode.FAIL) {
                throw new IllegalStateException("Schema validation could not read the database metadata", ex);
            }
            logger.warn("Schema validation could not read the database metadata: " + ex.getMessage());
            return;
        }
        if (report.isEmpty()) {
            return;
        }
        if (this.mode == ValidationMode.FAIL) {
            throw new SchemaValidationException(report);
        }
        logger.warn(report);
    }

}
