package io.schemaspring.web.idempotency;

import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import io.schemaspring.metadata.SchemaRegistry;
import java.time.Instant;

/**
 * The stored outcome of a write made under an {@code Idempotency-Key}, a row of
 * {@code schema_idempotency_keys} (see {@link #REGISTRY} for its table's DDL).
 */
@Schema("schema_idempotency_keys")
public class IdempotencyRecord {

    /** A registry of this schema alone. */
    public static final SchemaRegistry REGISTRY = SchemaRegistry.builder().add(IdempotencyRecord.class).build();

    @PrimaryKey
    public String idempotencyKey;

    /** SHA-256 of the method, path, query, content type and body, in hex. */
    public String requestHash;

    public Integer status;

    public String contentType;

    public String location;

    public String etag;

    public byte[] body;

    public Instant createdAt;

}
