package io.schemaspring.autoconfigure;

import io.schemaspring.web.CastDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a {@code @Cast} that cannot work as a start-up report: controller method,
 * parameter, reason, fix.
 */
class CastDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<CastDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CastDefinitionException cause) {
        return new FailureAnalysis(
                "Controller method " + cause.method() + ", @Cast on parameter " + cause.parameter() + " is invalid: "
                        + cause.reason() + ".",
                "Fix: change the @Cast annotation (or the schema) so that it " + "names only what the schema has.",
                cause);
    }

}
