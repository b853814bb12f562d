package io.schemaspring.autoconfigure;

import io.schemaspring.data.RepositoryDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a repository method that cannot be implemented as a start-up report: interface,
 * method, property, fix.
 */
class RepositoryDefinitionFailureAnalyzer extends AbstractFailureAnalyzer<RepositoryDefinitionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RepositoryDefinitionException cause) {
        String where = "Repository " + cause.repositoryInterface().getName() + ", method " + cause.method()
                + (cause.property() != null ? ", property :" + cause.property() : "");
        return new FailureAnalysis(where + " is invalid: " + cause.reason() + ".", "Fix: " + cause.fix() + ".", cause);
    }

}
