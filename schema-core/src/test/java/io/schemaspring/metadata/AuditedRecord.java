package io.schemaspring.metadata;

import io.schemaspring.annotation.Schema;

@Schema("audited_records")
class AuditedRecord extends AuditedBase {

    private Long id;

    private int revision;

    private String title;

}
