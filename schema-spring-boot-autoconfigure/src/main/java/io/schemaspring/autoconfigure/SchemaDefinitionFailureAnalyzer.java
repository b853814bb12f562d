package io.schemaspring.autoconfigure;

import io.schemaspring.metadata.SchemaDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a schema definition error as a start-up report: what is wrong where, and the
 * fix.
 */
class SchemaDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<SchemaDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaDefinitionException cause) {
        String where = cause.field() != null ? "Schema " + cause.schemaClass().getName() + ", field :" + cause.field()
                : "Schema " + cause.schemaClass().getName();
        return new FailureAnalysis(where + " is invalid: " + cause.reason() + ".", "Fix: " + cause.fix() + ".", cause);
    }

}
