package io.schemaspring.ddl;

/** The database does not match the schemas: the message is the whole report, each mismatch with its fix. */
public class SchemaValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SchemaValidator.Report report;

    public SchemaValidationException(SchemaValidator.Report report) {
        super(report.toString());
        this.report = report;
    }

    public SchemaValidator.Report report() {
        return this.report;
    }
}
