package io.schemaspring.metadata;

import java.time.LocalDateTime;

/**
 * A superclass in its own nest: its private fields are outside the reach of a subclass's
 * generated access.
 */
abstract class AuditedBase {

    private String createdBy = "system";

    protected LocalDateTime seenAt;

}
