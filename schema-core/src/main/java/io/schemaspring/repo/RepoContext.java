package io.schemaspring.repo;

import io.schemaspring.metadata.AssociationMetadata;
import io.schemaspring.metadata.SchemaMetadata;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.metadata.StructCopies;
import io.schemaspring.metadata.SqlIdentifiers;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.internal.mapping.Codecs;
import io.schemaspring.repo.internal.mapping.SchemaMapping;
import io.schemaspring.repo.internal.sql.SqlRenderer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the repository's operations share: the mapping of each schema, JDBC, the dialect
 * and its renderer, the statement cache, transactions, and where structs are stored.
 */
final class RepoContext implements PreloadContext {

    final SchemaRegistry registry;

    final JdbcTemplate jdbc;

    final Dialect dialect;

    final SqlRenderer renderer;

    final TransactionTemplate transactions;

    final Autogenerator autogenerator;

    final QueryCompiler compiler;

    final StructStates states = new StructStates();

    final StatementCache statements = new StatementCache(StatementCache.DEFAULT_CAPACITY);

    final UniqueKeys uniqueKeys;

    private final Map<Class<?>, SchemaMapping> mappings = new ConcurrentHashMap<>();

    /** Tables queried without a schema, by table and the columns each query takes. */
    private final Map<java.util.List<String>, SchemaMapping> tableMappings = new ConcurrentHashMap<>();

    private final Codecs codecs;

    private static final int MAX_TABLE_MAPPINGS = 1024;

    /**
     * Embedded schemas with associations, mapped only for preloading those: they have no
     * table to query.
     */
    private final Map<Class<?>, SchemaMapping> embeddedMappings = new ConcurrentHashMap<>();

    RepoContext(SchemaRegistry registry, JdbcTemplate jdbc, Dialect dialect, Codecs codecs,
            TransactionTemplate transactions, Autogenerator autogenerator) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.renderer = new SqlRenderer(dialect);
        this.transactions = transactions;
        this.autogenerator = autogenerator;
        this.codecs = codecs;
        this.compiler = new QueryCompiler(this.renderer, this, this.statements);
        StructCopies.listen(this.states);
        this.uniqueKeys = new UniqueKeys(jdbc);
        for (SchemaMetadata metadata : registry.all()) {
            if (!metadata.embedded()) {
                this.mappings.put(metadata.schemaClass(),
                        new SchemaMapping(metadata, codecs, registry.settings().bytecode()));
            }
            else if (!metadata.associations().isEmpty()) {
                this.embeddedMappings.put(metadata.schemaClass(), new SchemaMapping(metadata, codecs, false));
            }
        }
    }

    @Override
    public SchemaMapping mapping(Class<?> type) {
        SchemaMapping mapping = this.mappings.get(type);
        if (mapping == null) {
            SchemaMetadata metadata = this.registry.get(type);
            throw new InvalidDataAccessApiUsageException(type.getName() + (metadata.embedded()
                    ? " is an embedded schema: it is stored inside its parent, not in a table of its own"
                    : " has no mapping"));
        }
        return mapping;
    }

    @Override
    public SchemaMapping mapping(io.schemaspring.query.Query<?> query) {
        String table = query.tableName();
        if (table == null) {
            return mapping(query.schema());
        }
        java.util.List<String> key = new java.util.ArrayList<>(query.taken().size() + 1);
        key.add(table);
        key.addAll(query.taken());
        SchemaMapping known = this.tableMappings.get(key);
        if (known != null) {
            return known;
        }
        SchemaMapping mapping = new SchemaMapping(SchemaMetadata.schemaless(table, key.subList(1, key.size())),
                this.codecs, false);
        // Column lists can come from requests: past a bound, mappings are made per query.
        if (this.tableMappings.size() < MAX_TABLE_MAPPINGS) {
            this.tableMappings.putIfAbsent(key, mapping);
        }
        return mapping;
    }

    @Override
    public SchemaMapping preloadMapping(Class<?> type) {
        SchemaMapping embedded = this.embeddedMappings.get(type);
        return embedded != null ? embedded : mapping(type);
    }

    @Override
    public JdbcTemplate jdbc() {
        return this.jdbc;
    }

    @Override
    public SqlRenderer renderer() {
        return this.renderer;
    }

    @Override
    public Dialect dialect() {
        return this.dialect;
    }

    @Override
    public StructStates states() {
        return this.states;
    }

    @Override
    public String statement(Class<?> schema, @Nullable String prefix, String association, String kind, Object shape,
            Supplier<String> render) {
        return this.statements.get(schema, prefix, association + "." + kind, shape, render);
    }

    <R> R inTransaction(boolean needed, Supplier<R> work) {
        return needed ? this.transactions.execute(status -> work.get()) : work.get();
    }

    @Override
    public @Nullable String prefixOf(Object struct) {
        SchemaMetadata metadata = preloadMapping(struct.getClass()).metadata();
        StructStates.Known known = this.states.known(metadata, struct);
        return known != null ? known.prefix() : metadata.prefix();
    }

    /**
     * The database schema a write or preload of this struct goes to: the requested one,
     * which must agree with where the struct is known to be stored, else where it is
     * known to be stored, else the schema's default. Never redirects a struct to another
     * tenant.
     */
    @Nullable String target(SchemaMetadata metadata, Object struct, @Nullable String requested, String action) {
        StructStates.Known known = this.states.known(metadata, struct);
        if (requested == null) {
            return known != null ? known.prefix() : metadata.prefix();
        }
        String prefix = SqlIdentifiers.require(requested, "Prefix");
        if (known != null && !Objects.equals(known.prefix(), prefix)) {
            throw new PrefixMismatchException(action, metadata.schemaClass(), Keys.describe(metadata, struct),
                    known.prefix(), prefix);
        }
        return prefix;
    }

    @Override
    public @Nullable String childPrefix(@Nullable String ownerPrefix, SchemaMetadata owner, SchemaMetadata related) {
        return !Objects.equals(ownerPrefix, owner.prefix()) ? ownerPrefix : related.prefix();
    }

    static AssociationMetadata requireAssociation(SchemaMetadata metadata, String name) {
        AssociationMetadata association = metadata.association(name);
        if (association == null) {
            throw new InvalidDataAccessApiUsageException("schema " + metadata.schemaClass().getSimpleName()
                    + " does not have association :" + name + "; its associations are " + metadata.associations());
        }
        return association;
    }

}
