package io.schemaspring.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The package-private {@link CastDefinitionFailureAnalyzer}, for the web tests next door.
 */
public final class CastDefinitionFailureAnalyzerAccess {

    public FailureAnalysis analyze(Throwable failure) {
        return new CastDefinitionFailureAnalyzer().analyze(failure);
    }

}
