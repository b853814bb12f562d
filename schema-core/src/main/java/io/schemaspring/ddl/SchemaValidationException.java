package io.schemaspring.ddl;

/**
 * The database does not match the schemas: the message is the whole report, each mismatch
 * with its fix.
 */
public class SchemaValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SchemaValidator.Report report;

    /** The failure for a report with mismatches; the message is the whole report. */
    public SchemaValidationException(SchemaValidator.Report report) {
        super(report.toString());
        this.report = report;
    }

    /** The report: each mismatch with the statement that fixes it. */
    public SchemaValidator.Report report() {
        return this.report;
    }

}
