package io.schemaspring.autoconfigure;

import io.schemaspring.type.FieldType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Application-wide schema defaults. Each may be overridden per schema by {@code @SchemaDefaults},
 * the class annotations and the field annotations.
 */
@ConfigurationProperties("schema")
public class SchemaProperties {

    /**
     * Packages scanned for @Schema and @EmbeddedSchema classes. Defaults to the package of the
     * @SpringBootApplication class.
     */
    private List<String> packages = new ArrayList<>();

    /** Default database schema (Ecto's @schema_prefix) of every table, for example "tenant_a". */
    private String prefix;

    /** Default context (Ecto's @schema_context) kept in every schema's metadata. */
    private String context;

    private final PrimaryKey primaryKey = new PrimaryKey();

    /**
     * Type every belongs-to foreign key must have (Ecto's @foreign_key_type): "id" for Long or
     * Integer keys, "binary_id" for UUID keys. Unset: inferred from each foreign key field.
     */
    private FieldType foreignKeyType = FieldType.DEFAULT;

    private final Timestamps timestamps = new Timestamps();

    /**
     * How field names become column names (Ecto's @field_source_mapper): "snake-case"
     * (insertedAt -> inserted_at) or "identity". A FieldSourceMapper bean wins over this.
     */
    private FieldSourceMapperKind fieldSourceMapper = FieldSourceMapperKind.SNAKE_CASE;

    private final Web web = new Web();

    private final Bytecode bytecode = new Bytecode();

    private final Validation validation = new Validation();

    private final Replicas replicas = new Replicas();

    /**
     * What sits between the application and PostgreSQL: "none" (a direct connection; start-up
     * fails when a pooler is found and the driver prepares statements on the server), "transaction" (a pooler in
     * transaction mode, such as PgBouncer's pool_mode=transaction: the starter turns the driver's
     * server-side prepared statements off and refuses startup options) or "session" (a pooler
     * that gives each client a server connection of its own: nothing to change).
     */
    private Pooler pooler = Pooler.NONE;

    public List<String> getPackages() {
        return this.packages;
    }

    public void setPackages(List<String> packages) {
        this.packages = packages;
    }

    public String getPrefix() {
        return this.prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    public String getContext() {
        return this.context;
    }

    public void setContext(String context) {
        this.context = context;
    }

    public PrimaryKey getPrimaryKey() {
        return this.primaryKey;
    }

    public FieldType getForeignKeyType() {
        return this.foreignKeyType;
    }

    public void setForeignKeyType(FieldType foreignKeyType) {
        this.foreignKeyType = foreignKeyType;
    }

    public Timestamps getTimestamps() {
        return this.timestamps;
    }

    public FieldSourceMapperKind getFieldSourceMapper() {
        return this.fieldSourceMapper;
    }

    public void setFieldSourceMapper(FieldSourceMapperKind fieldSourceMapper) {
        this.fieldSourceMapper = fieldSourceMapper;
    }

    public Web getWeb() {
        return this.web;
    }

    public Bytecode getBytecode() {
        return this.bytecode;
    }

    public Replicas getReplicas() {
        return this.replicas;
    }

    public Pooler getPooler() {
        return this.pooler;
    }

    public void setPooler(Pooler pooler) {
        this.pooler = pooler;
    }

    public Validation getValidation() {
        return this.validation;
    }

    /** Start-up validation of the database against the schemas (after Flyway or Liquibase ran). */
    public static class Validation {

        /**
         * What a mismatch between the schemas and the database's tables does at start-up:
         * "none" (not checked), "warn" (one report logged, the default) or "fail" (start-up
         * stops with the report). Each report entry names the DDL that fixes it.
         */
        private ValidationMode mode = ValidationMode.WARN;

        public ValidationMode getMode() {
            return this.mode;
        }

        public void setMode(ValidationMode mode) {
            this.mode = mode;
        }
    }

    /** The values of {@code schema.validation.mode}. */
    public enum ValidationMode {
        /** No check. */
        NONE,
        /** The report is logged once as a warning. */
        WARN,
        /** Start-up fails with the report. */
        FAIL
    }

    /** The built-in field source mappers. */
    public enum FieldSourceMapperKind {
        /** insertedAt -> inserted_at. */
        SNAKE_CASE,
        /** The field name as it is. */
        IDENTITY
    }

    /** The default primary key (Ecto's @primary_key), used when no field carries @PrimaryKey. */
    public static class PrimaryKey {

        /** Name of the default primary key field. */
        private String name = "id";

        /**
         * Type the default primary key must have: "id" (Long/Integer, generated by the database)
         * or "binary_id" (UUID, generated before insert). Unset: inferred from the field.
         */
        private FieldType type = FieldType.DEFAULT;

        /** Whether the default primary key is autogenerated. */
        private boolean autogenerate = true;

        public String getName() {
            return this.name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public FieldType getType() {
            return this.type;
        }

        public void setType(FieldType type) {
            this.type = type;
        }

        public boolean isAutogenerate() {
            return this.autogenerate;
        }

        public void setAutogenerate(boolean autogenerate) {
            this.autogenerate = autogenerate;
        }
    }

    /** Defaults of @Timestamps (Ecto's @timestamps_opts). */
    public static class Timestamps {

        /**
         * Timestamp type: naive_datetime, naive_datetime_usec (LocalDateTime), utc_datetime,
         * utc_datetime_usec (Instant, OffsetDateTime). Unset: inferred from the fields, second precision.
         */
        private FieldType type = FieldType.DEFAULT;

        /** Name of the inserted-at field. */
        private String insertedAt = "insertedAt";

        /** Name of the updated-at field. */
        private String updatedAt = "updatedAt";

        /** Column of the inserted-at field. Unset: the field source mapper's name. */
        private String insertedAtSource;

        /** Column of the updated-at field. Unset: the field source mapper's name. */
        private String updatedAtSource;

        public FieldType getType() {
            return this.type;
        }

        public void setType(FieldType type) {
            this.type = type;
        }

        public String getInsertedAt() {
            return this.insertedAt;
        }

        public void setInsertedAt(String insertedAt) {
            this.insertedAt = insertedAt;
        }

        public String getUpdatedAt() {
            return this.updatedAt;
        }

        public void setUpdatedAt(String updatedAt) {
            this.updatedAt = updatedAt;
        }

        public String getInsertedAtSource() {
            return this.insertedAtSource;
        }

        public void setInsertedAtSource(String insertedAtSource) {
            this.insertedAtSource = insertedAtSource;
        }

        public String getUpdatedAtSource() {
            return this.updatedAtSource;
        }

        public void setUpdatedAtSource(String updatedAtSource) {
            this.updatedAtSource = updatedAtSource;
        }
    }

    /** Web integration. */
    public static class Web {

        /** Whether the casting WebDataBinder, the Changeset argument resolver and the error responses are set up. */
        private boolean enabled = true;

        /** Largest JSON body a @Cast Changeset argument reads, in bytes; larger ones answer 413. */
        private long maxPayloadBytes = 1_048_576;

        /** Deepest nesting of JSON or bracketed form parameters a @Cast Changeset argument reads; deeper answers 400. */
        private int maxDepth = 32;

        private final Idempotency idempotency = new Idempotency();

        public Idempotency getIdempotency() {
            return this.idempotency;
        }

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getMaxPayloadBytes() {
            return this.maxPayloadBytes;
        }

        public void setMaxPayloadBytes(long maxPayloadBytes) {
            this.maxPayloadBytes = maxPayloadBytes;
        }

        public int getMaxDepth() {
            return this.maxDepth;
        }

        public void setMaxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
        }

        /**
         * Idempotent writes: a POST, PUT, PATCH or DELETE with an Idempotency-Key header runs in one
         * transaction that stores its outcome in the table schema_idempotency_keys (created at
         * start-up when missing); a retry with the same key answers the stored outcome.
         */
        public static class Idempotency {

            /** Whether Idempotency-Key headers are honoured. */
            private boolean enabled = false;

            /** How long an outcome is kept and replayed; older keys count as new. */
            private Duration retention = Duration.ofHours(24);

            public boolean isEnabled() {
                return this.enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public Duration getRetention() {
                return this.retention;
            }

            public void setRetention(Duration retention) {
                this.retention = retention;
            }
        }
    }

    /** Generated bytecode for field access and row reading. */
    public static class Bytecode {

        /**
         * Whether field access and row reading use bytecode generated per schema and per
         * projection type. When false, fields are accessed through method handles, rows read
         * through codecs and projections built by reflection (slower, but no generated classes).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return this.enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * PostgreSQL streaming replicas that answer reads: outside a read-write transaction and inside
     * read-only ones (@Transactional(readOnly = true)). Writes, row locks, Multi and every
     * statement of a read-write transaction go to the primary (spring.datasource).
     */
    public static class Replicas {

        /** The replicas, tried in turn (round robin). Empty: every statement goes to the primary. */
        private List<Node> nodes = new ArrayList<>();

        /**
         * How long a read waits for a connection from a replica's pool before it goes to the
         * next replica or the primary.
         */
        private Duration connectionTimeout = Duration.ofSeconds(1);

        /** How long a replica that gave no connection is left alone before reads try it again. */
        private Duration retryAfter = Duration.ofSeconds(10);

        /** Largest number of connections in each replica's pool. */
        private int maximumPoolSize = 10;

        /**
         * Which reads see the writes before them: "client" (the rest of the HTTP request, and
         * the client's later requests that send back the position header or cookie),
         * "request" (the rest of the HTTP request) or "none".
         */
        private ReadYourWrites readYourWrites = ReadYourWrites.CLIENT;

        public List<Node> getNodes() {
            return this.nodes;
        }

        public void setNodes(List<Node> nodes) {
            this.nodes = nodes;
        }

        public Duration getConnectionTimeout() {
            return this.connectionTimeout;
        }

        public void setConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
        }

        public Duration getRetryAfter() {
            return this.retryAfter;
        }

        public void setRetryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
        }

        public int getMaximumPoolSize() {
            return this.maximumPoolSize;
        }

        public void setMaximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = maximumPoolSize;
        }

        public ReadYourWrites getReadYourWrites() {
            return this.readYourWrites;
        }

        public void setReadYourWrites(ReadYourWrites readYourWrites) {
            this.readYourWrites = readYourWrites;
        }

        /** One replica's connection settings. */
        public static class Node {

            /** Name in logs, health and pool names. Defaults to "replica-1", "replica-2", ... */
            private String name;

            /** JDBC URL of the replica, for example jdbc:postgresql://replica-1:5432/app. */
            private String url;

            /** Login user. Defaults to spring.datasource.username. */
            private String username;

            /** Login password. Defaults to spring.datasource.password. */
            private String password;

            public String getName() {
                return this.name;
            }

            public void setName(String name) {
                this.name = name;
            }

            public String getUrl() {
                return this.url;
            }

            public void setUrl(String url) {
                this.url = url;
            }

            public String getUsername() {
                return this.username;
            }

            public void setUsername(String username) {
                this.username = username;
            }

            public String getPassword() {
                return this.password;
            }

            public void setPassword(String password) {
                this.password = password;
            }
        }
    }

    /** Which reads stay on the primary after a write. */
    public enum ReadYourWrites {

        /**
         * Reads after a write in the same HTTP request go to the primary, and the response
         * carries the primary's log position (header Schema-Position, cookie schema-position):
         * requests that send it back read from a replica that has replayed it, else the primary.
         */
        CLIENT,

        /** Reads after a write in the same HTTP request go to the primary. */
        REQUEST,

        /** Reads go to the replicas whatever was written before. */
        NONE
    }

    /** The connection pooler between the application and PostgreSQL, if any. */
    public enum Pooler {

        /** No pooler: start-up fails when one is found and the driver prepares statements on the server. */
        NONE,

        /** A pooler in transaction mode: no server-side prepared statements, no startup options. */
        TRANSACTION,

        /** A pooler that keeps each client on one server connection: nothing to change. */
        SESSION
    }
}
