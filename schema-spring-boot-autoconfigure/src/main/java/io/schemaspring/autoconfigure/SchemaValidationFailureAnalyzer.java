package io.schemaspring.autoconfigure;

import io.schemaspring.ddl.SchemaValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints the schema validation report (each mismatch with the DDL fixing it) as the
 * start-up failure.
 */
class SchemaValidationFailureAnalyzer extends AbstractFailureAnalyzer<SchemaValidationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaValidationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Run the fixes in a migration, or set schema.validation.mode=warn " + "(log the report) or none.",
                cause);
    }

}
