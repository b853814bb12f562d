package io.schemaspring.autoconfigure;

import io.schemaspring.repo.log.StatementLog;
import io.schemaspring.type.FieldType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * Application-wide schema defaults. Each may be overridden per schema by
 * {@code @SchemaDefaults}, the class annotations and the field annotations.
 */
@ConfigurationProperties("schema")
public class SchemaProperties {

    /**
     * Packages scanned for @Schema and @EmbeddedSchema classes. Defaults to the package
     * of the @SpringBootApplication class.
     */
    private List<String> packages = new ArrayList<>();

    /**
     * Default database schema (Ecto's @schema_prefix) of every table, for example
     * "tenant_a".
     */
    private @Nullable String prefix;

    /** Default context (Ecto's @schema_context) kept in every schema's metadata. */
    private @Nullable String context;

    private final PrimaryKey primaryKey = new PrimaryKey();

    /**
     * Type every belongs-to foreign key must have (Ecto's @foreign_key_type): "id" for
     * Long or Integer keys, "binary_id" for UUID keys. Unset: inferred from each foreign
     * key field.
     */
    private FieldType foreignKeyType = FieldType.DEFAULT;

    private final Timestamps timestamps = new Timestamps();

    /**
     * How field names become column names (Ecto's @field_source_mapper): "snake-case"
     * (insertedAt becomes inserted_at) or "identity". A FieldSourceMapper bean wins over
     * this.
     */
    private FieldSourceMapperKind fieldSourceMapper = FieldSourceMapperKind.SNAKE_CASE;

    private final Web web = new Web();

    private final Bytecode bytecode = new Bytecode();

    private final Log log = new Log();

    private final Validation validation = new Validation();

    private final Replicas replicas = new Replicas();

    /**
     * What sits between the application and PostgreSQL: "none" (a direct connection;
     * start-up fails when a pooler is found and the driver prepares statements on the
     * server), "transaction" (a pooler in transaction mode, such as PgBouncer's
     * pool_mode=transaction: the starter turns the driver's server-side prepared
     * statements off and refuses startup options) or "session" (a pooler that gives each
     * client a server connection of its own: nothing to change).
     */
    private Pooler pooler = Pooler.NONE;

    /**
     * Packages scanned for {@code @Schema} and {@code @EmbeddedSchema} classes and for
     * repositories; empty (the default) means the application's package, that of the
     * {@code @SpringBootApplication} class.
     */
    public List<String> getPackages() {
        return this.packages;
    }

    /**
     * Sets the packages scanned for schemas and repositories, in place of the
     * application's package.
     */
    public void setPackages(List<String> packages) {
        this.packages = packages;
    }

    /**
     * Default database schema of every table (Ecto's {@code @schema_prefix});
     * {@code null} (the default) for none.
     */
    public @Nullable String getPrefix() {
        return this.prefix;
    }

    /**
     * Sets the default database schema of every table, for example {@code tenant_a};
     * blank counts as none.
     */
    public void setPrefix(@Nullable String prefix) {
        this.prefix = prefix;
    }

    /**
     * Default context (Ecto's {@code @schema_context}) kept in every schema's metadata;
     * {@code null} (the default) for none.
     */
    public @Nullable String getContext() {
        return this.context;
    }

    /** Sets the default context kept in every schema's metadata; blank counts as none. */
    public void setContext(@Nullable String context) {
        this.context = context;
    }

    /**
     * The default primary key ({@code schema.primary-key.*}), used when no field carries
     * {@code @PrimaryKey}.
     */
    public PrimaryKey getPrimaryKey() {
        return this.primaryKey;
    }

    /**
     * Type every belongs-to foreign key must have (Ecto's {@code @foreign_key_type});
     * {@link FieldType#DEFAULT} (the default) infers it from each foreign key field.
     */
    public FieldType getForeignKeyType() {
        return this.foreignKeyType;
    }

    /**
     * Sets the foreign key type: {@code id} for {@code Long} or {@code Integer} keys,
     * {@code binary_id} for {@code UUID} keys.
     */
    public void setForeignKeyType(FieldType foreignKeyType) {
        this.foreignKeyType = foreignKeyType;
    }

    /**
     * Defaults of {@code @Timestamps} ({@code schema.timestamps.*}), Ecto's
     * {@code @timestamps_opts}.
     */
    public Timestamps getTimestamps() {
        return this.timestamps;
    }

    /**
     * How field names become column names (Ecto's {@code @field_source_mapper});
     * {@link FieldSourceMapperKind#SNAKE_CASE} by default. A {@code FieldSourceMapper}
     * bean takes precedence over it.
     */
    public FieldSourceMapperKind getFieldSourceMapper() {
        return this.fieldSourceMapper;
    }

    /**
     * Sets the built-in mapper from field names to column names, used when no
     * {@code FieldSourceMapper} bean is declared.
     */
    public void setFieldSourceMapper(FieldSourceMapperKind fieldSourceMapper) {
        this.fieldSourceMapper = fieldSourceMapper;
    }

    /**
     * Web integration ({@code schema.web.*}): the casting binder, {@code @Cast}
     * arguments, error responses and idempotent writes.
     */
    public Web getWeb() {
        return this.web;
    }

    /**
     * Generated bytecode for field access and row reading ({@code schema.bytecode.*}).
     */
    public Bytecode getBytecode() {
        return this.bytecode;
    }

    /**
     * Ecto's query log: a line per SQL statement on the {@code schema.log} logger
     * ({@code schema.log.*}).
     */
    public Log getLog() {
        return this.log;
    }

    /**
     * Read replicas ({@code schema.replicas.*}); without nodes (the default) every
     * statement goes to the primary.
     */
    public Replicas getReplicas() {
        return this.replicas;
    }

    /**
     * The connection pooler between the application and PostgreSQL; {@link Pooler#NONE}
     * (the default) fails start-up when a pooler is found and the driver prepares
     * statements on the server.
     */
    public Pooler getPooler() {
        return this.pooler;
    }

    /**
     * Sets the connection pooler between the application and PostgreSQL, which decides
     * the driver settings checked and applied at start-up.
     */
    public void setPooler(Pooler pooler) {
        this.pooler = pooler;
    }

    /**
     * Start-up validation of the database against the schemas
     * ({@code schema.validation.*}).
     */
    public Validation getValidation() {
        return this.validation;
    }

    /**
     * Start-up validation of the database against the schemas (after Flyway or Liquibase
     * ran).
     */
    public static class Validation {

        /**
         * What a mismatch between the schemas and the database's tables does at start-up:
         * "none" (not checked), "warn" (one report logged, the default) or "fail"
         * (start-up stops with the report). Each report entry names the DDL that fixes
         * it.
         */
        private ValidationMode mode = ValidationMode.WARN;

        /**
         * What a mismatch between the schemas and the database's tables does at start-up;
         * {@link ValidationMode#WARN} (log the report once) by default.
         */
        public ValidationMode getMode() {
            return this.mode;
        }

        /**
         * Sets what a mismatch between the schemas and the database's tables does at
         * start-up.
         */
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

        /** {@code insertedAt} becomes {@code inserted_at}. */
        SNAKE_CASE,
        /** The field name as it is. */
        IDENTITY

    }

    /**
     * The default primary key (Ecto's @primary_key), used when no field
     * carries @PrimaryKey.
     */
    public static class PrimaryKey {

        /** Name of the default primary key field. */
        private String name = "id";

        /**
         * Type the default primary key must have: "id" (Long/Integer, generated by the
         * database) or "binary_id" (UUID, generated before insert). Unset: inferred from
         * the field.
         */
        private FieldType type = FieldType.DEFAULT;

        /** Whether the default primary key is autogenerated. */
        private boolean autogenerate = true;

        /** Name of the default primary key field; {@code id} by default. */
        public String getName() {
            return this.name;
        }

        /** Sets the name of the default primary key field. */
        public void setName(String name) {
            this.name = name;
        }

        /**
         * Type the default primary key must have; {@link FieldType#DEFAULT} (the default)
         * infers it from the field.
         */
        public FieldType getType() {
            return this.type;
        }

        /**
         * Sets the default primary key's type: {@code id} (generated by the database) or
         * {@code binary_id} (a {@code UUID} generated before insert).
         */
        public void setType(FieldType type) {
            this.type = type;
        }

        /** Whether the default primary key is autogenerated; {@code true} by default. */
        public boolean isAutogenerate() {
            return this.autogenerate;
        }

        /** Sets whether the default primary key is autogenerated. */
        public void setAutogenerate(boolean autogenerate) {
            this.autogenerate = autogenerate;
        }

    }

    /** Defaults of @Timestamps (Ecto's @timestamps_opts). */
    public static class Timestamps {

        /**
         * Timestamp type: naive_datetime, naive_datetime_usec (LocalDateTime),
         * utc_datetime, utc_datetime_usec (Instant, OffsetDateTime). Unset: inferred from
         * the fields, second precision.
         */
        private FieldType type = FieldType.DEFAULT;

        /** Name of the inserted-at field. */
        private String insertedAt = "insertedAt";

        /** Name of the updated-at field. */
        private String updatedAt = "updatedAt";

        /** Column of the inserted-at field. Unset: the field source mapper's name. */
        private @Nullable String insertedAtSource;

        /** Column of the updated-at field. Unset: the field source mapper's name. */
        private @Nullable String updatedAtSource;

        /**
         * Type of the timestamp fields; {@link FieldType#DEFAULT} (the default) infers it
         * from the fields, at second precision.
         */
        public FieldType getType() {
            return this.type;
        }

        /**
         * Sets the timestamp type: {@code naive_datetime} or {@code naive_datetime_usec}
         * ({@code LocalDateTime}), {@code utc_datetime} or {@code utc_datetime_usec}
         * ({@code Instant}, {@code OffsetDateTime}).
         */
        public void setType(FieldType type) {
            this.type = type;
        }

        /** Name of the inserted-at field; {@code insertedAt} by default. */
        public String getInsertedAt() {
            return this.insertedAt;
        }

        /** Sets the name of the inserted-at field. */
        public void setInsertedAt(String insertedAt) {
            this.insertedAt = insertedAt;
        }

        /** Name of the updated-at field; {@code updatedAt} by default. */
        public String getUpdatedAt() {
            return this.updatedAt;
        }

        /** Sets the name of the updated-at field. */
        public void setUpdatedAt(String updatedAt) {
            this.updatedAt = updatedAt;
        }

        /**
         * Column of the inserted-at field; {@code null} (the default) for the name the
         * field source mapper gives it.
         */
        public @Nullable String getInsertedAtSource() {
            return this.insertedAtSource;
        }

        /**
         * Sets the column of the inserted-at field, in place of the field source mapper's
         * name.
         */
        public void setInsertedAtSource(@Nullable String insertedAtSource) {
            this.insertedAtSource = insertedAtSource;
        }

        /**
         * Column of the updated-at field; {@code null} (the default) for the name the
         * field source mapper gives it.
         */
        public @Nullable String getUpdatedAtSource() {
            return this.updatedAtSource;
        }

        /**
         * Sets the column of the updated-at field, in place of the field source mapper's
         * name.
         */
        public void setUpdatedAtSource(@Nullable String updatedAtSource) {
            this.updatedAtSource = updatedAtSource;
        }

    }

    /** Web integration. */
    public static class Web {

        /**
         * Whether the casting WebDataBinder, the Changeset argument resolver and the
         * error responses are set up.
         */
        private boolean enabled = true;

        /**
         * Largest JSON body a @Cast Changeset argument reads (bytes when no unit is
         * given); larger ones answer 413.
         */
        @DataSizeUnit(DataUnit.BYTES)
        private DataSize maxPayloadSize = DataSize.ofMegabytes(1);

        /**
         * Deepest nesting of JSON or bracketed form parameters a @Cast Changeset argument
         * reads; deeper answers 400.
         */
        private int maxDepth = 32;

        private final Idempotency idempotency = new Idempotency();

        /** Idempotent writes ({@code schema.web.idempotency.*}); off by default. */
        public Idempotency getIdempotency() {
            return this.idempotency;
        }

        /**
         * Whether the casting {@code WebDataBinder}, the {@code Changeset} argument
         * resolver and the error responses are set up; {@code true} by default.
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /** Sets whether the web integration is set up. */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * Largest JSON body a {@code @Cast Changeset} argument reads ({@code 1MB} by
         * default, bytes when no unit is given); a larger one answers 413.
         */
        public DataSize getMaxPayloadSize() {
            return this.maxPayloadSize;
        }

        /** Sets the largest JSON body a {@code @Cast Changeset} argument reads. */
        public void setMaxPayloadSize(DataSize maxPayloadSize) {
            this.maxPayloadSize = maxPayloadSize;
        }

        /**
         * Deepest nesting of JSON or bracketed form parameters a {@code @Cast Changeset}
         * argument reads (32 by default); deeper answers 400.
         */
        public int getMaxDepth() {
            return this.maxDepth;
        }

        /**
         * Sets the deepest nesting of JSON or bracketed form parameters a
         * {@code @Cast Changeset} argument reads.
         */
        public void setMaxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
        }

        /**
         * Idempotent writes: a POST, PUT, PATCH or DELETE with an Idempotency-Key header
         * runs in one transaction that stores its outcome in the table
         * schema_idempotency_keys (created at start-up when missing); a retry with the
         * same key answers the stored outcome.
         */
        public static class Idempotency {

            /** Whether Idempotency-Key headers are honoured. */
            private boolean enabled = false;

            /** How long an outcome is kept and replayed; older keys count as new. */
            private Duration retention = Duration.ofHours(24);

            /**
             * Whether {@code Idempotency-Key} headers are honoured; {@code false} by
             * default.
             */
            public boolean isEnabled() {
                return this.enabled;
            }

            /** Sets whether {@code Idempotency-Key} headers are honoured. */
            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            /**
             * How long an outcome is kept and replayed (24 hours by default); older keys
             * count as new.
             */
            public Duration getRetention() {
                return this.retention;
            }

            /**
             * Sets how long an outcome is kept and replayed; with idempotency enabled,
             * start-up fails unless it is positive.
             */
            public void setRetention(Duration retention) {
                this.retention = retention;
            }

        }

    }

    /**
     * Ecto's query log: each statement as one line on the {@code schema.log} logger, with
     * its table, bound values (redacted fields masked), database time and row count.
     * Installed when, at start-up, the logger is enabled at the level or a slow-statement
     * threshold is set.
     */
    public static class Log {

        /**
         * The level statements are logged at on the "schema.log" logger; "off" logs only
         * the statements slower than the threshold.
         */
        private StatementLog.Level level = StatementLog.Level.DEBUG;

        /**
         * How long a statement runs before it is logged at WARN, whatever the level; none
         * by default.
         */
        private @Nullable Duration slowStatementThreshold;

        /** The level statements are logged at; {@code DEBUG} by default. */
        public StatementLog.Level getLevel() {
            return this.level;
        }

        /** Sets the level statements are logged at. */
        public void setLevel(StatementLog.Level level) {
            this.level = level;
        }

        /** How long a statement runs before it logs at WARN; {@code null} for never. */
        public @Nullable Duration getSlowStatementThreshold() {
            return this.slowStatementThreshold;
        }

        /** Sets how long a statement runs before it logs at WARN. */
        public void setSlowStatementThreshold(@Nullable Duration slowStatementThreshold) {
            this.slowStatementThreshold = slowStatementThreshold;
        }

    }

    /** Generated bytecode for field access and row reading. */
    public static class Bytecode {

        /**
         * Whether field access and row reading use bytecode generated per schema and per
         * projection type. When false, fields are accessed through method handles, rows
         * read through codecs and projections built by reflection (slower, but no
         * generated classes).
         */
        private boolean enabled = true;

        /**
         * Whether field access and row reading use bytecode generated per schema and per
         * projection type; {@code true} by default.
         */
        public boolean isEnabled() {
            return this.enabled;
        }

        /**
         * Sets whether bytecode is generated; {@code false} uses method handles, codecs
         * and reflection instead.
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

    }

    /**
     * PostgreSQL streaming replicas that answer reads: outside a read-write transaction
     * and inside read-only ones (@Transactional(readOnly = true)). Writes, row locks,
     * Multi and every statement of a read-write transaction go to the primary
     * (spring.datasource).
     */
    public static class Replicas {

        /**
         * The replicas, tried in turn (round robin). Empty: every statement goes to the
         * primary.
         */
        private List<Node> nodes = new ArrayList<>();

        /**
         * How long a read waits for a connection from a replica's pool before it goes to
         * the next replica or the primary.
         */
        private Duration connectionTimeout = Duration.ofSeconds(1);

        /**
         * How long a replica that gave no connection is left alone before reads try it
         * again.
         */
        private Duration retryAfter = Duration.ofSeconds(10);

        /** Largest number of connections in each replica's pool. */
        private int maximumPoolSize = 10;

        /**
         * Which reads see the writes before them: "client" (the rest of the HTTP request,
         * and the client's later requests that send back the position header or cookie),
         * "request" (the rest of the HTTP request) or "none".
         */
        private ReadYourWrites readYourWrites = ReadYourWrites.CLIENT;

        /**
         * The replicas, tried in turn (round robin); empty (the default) sends every
         * statement to the primary.
         */
        public List<Node> getNodes() {
            return this.nodes;
        }

        /** Sets the replicas reads are routed to. */
        public void setNodes(List<Node> nodes) {
            this.nodes = nodes;
        }

        /**
         * How long a read waits for a connection from a replica's pool before it goes to
         * the next replica or the primary; one second by default.
         */
        public Duration getConnectionTimeout() {
            return this.connectionTimeout;
        }

        /** Sets how long a read waits for a connection from a replica's pool. */
        public void setConnectionTimeout(Duration connectionTimeout) {
            this.connectionTimeout = connectionTimeout;
        }

        /**
         * How long a replica that gave no connection is left alone before reads try it
         * again; ten seconds by default.
         */
        public Duration getRetryAfter() {
            return this.retryAfter;
        }

        /**
         * Sets how long a replica that gave no connection is left alone; start-up fails
         * unless it is positive.
         */
        public void setRetryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
        }

        /** Largest number of connections in each replica's pool; 10 by default. */
        public int getMaximumPoolSize() {
            return this.maximumPoolSize;
        }

        /** Sets the largest number of connections in each replica's pool. */
        public void setMaximumPoolSize(int maximumPoolSize) {
            this.maximumPoolSize = maximumPoolSize;
        }

        /**
         * Which reads see the writes before them; {@link ReadYourWrites#CLIENT} by
         * default.
         */
        public ReadYourWrites getReadYourWrites() {
            return this.readYourWrites;
        }

        /**
         * Sets which reads see the writes before them; {@link ReadYourWrites#NONE} turns
         * read-your-writes off.
         */
        public void setReadYourWrites(ReadYourWrites readYourWrites) {
            this.readYourWrites = readYourWrites;
        }

        /** One replica's connection settings. */
        public static class Node {

            /**
             * Name in logs, health and pool names. Defaults to "replica-1", "replica-2",
             * ...
             */
            private @Nullable String name;

            /**
             * JDBC URL of the replica, for example jdbc:postgresql://replica-1:5432/app.
             */
            private @Nullable String url;

            /** Login user. Defaults to spring.datasource.username. */
            private @Nullable String username;

            /** Login password. Defaults to spring.datasource.password. */
            private @Nullable String password;

            /**
             * Name of the replica in logs, health and pool names; {@code null} (the
             * default) for {@code replica-1}, {@code replica-2}, ... by position.
             */
            public @Nullable String getName() {
                return this.name;
            }

            /**
             * Sets the replica's name; it must differ from every other replica's and from
             * the primary's.
             */
            public void setName(@Nullable String name) {
                this.name = name;
            }

            /**
             * JDBC URL of the replica, for example
             * {@code jdbc:postgresql://replica-1:5432/app}; start-up fails without it.
             */
            public @Nullable String getUrl() {
                return this.url;
            }

            /** Sets the JDBC URL of the replica. */
            public void setUrl(@Nullable String url) {
                this.url = url;
            }

            /**
             * Login user; {@code null} (the default) for
             * {@code spring.datasource.username}.
             */
            public @Nullable String getUsername() {
                return this.username;
            }

            /** Sets the login user of the replica. */
            public void setUsername(@Nullable String username) {
                this.username = username;
            }

            /**
             * Login password; {@code null} (the default) for
             * {@code spring.datasource.password}.
             */
            public @Nullable String getPassword() {
                return this.password;
            }

            /** Sets the login password of the replica. */
            public void setPassword(@Nullable String password) {
                this.password = password;
            }

        }

    }

    /** Which reads stay on the primary after a write. */
    public enum ReadYourWrites {

        /**
         * Reads after a write in the same HTTP request go to the primary, and the
         * response carries the primary's log position (header Schema-Position, cookie
         * schema-position): requests that send it back read from a replica that has
         * replayed it, else the primary.
         */
        CLIENT,

        /** Reads after a write in the same HTTP request go to the primary. */
        REQUEST,

        /** Reads go to the replicas whatever was written before. */
        NONE

    }

    /** The connection pooler between the application and PostgreSQL, if any. */
    public enum Pooler {

        /**
         * No pooler: start-up fails when one is found and the driver prepares statements
         * on the server.
         */
        NONE,

        /**
         * A pooler in transaction mode: no server-side prepared statements, no startup
         * options.
         */
        TRANSACTION,

        /**
         * A pooler that keeps each client on one server connection: nothing to change.
         */
        SESSION

    }

}
