package io.schemaspring.repo.it;

import io.schemaspring.ddl.SchemaDdl;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.DialectResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One schema's table, created from {@link SchemaDdl} on a {@link TestDatabase}, with a
 * repository on it; closing drops it.
 */
final class DdlTable implements AutoCloseable {

    final Repo repo;

    final JdbcTemplate jdbc;

    private final SingleConnectionDataSource connection;

    private final String table;

    private DdlTable(SingleConnectionDataSource connection, Repo repo, String table) {
        this.connection = connection;
        this.jdbc = new JdbcTemplate(connection);
        this.repo = repo;
        this.table = table;
    }

    static DdlTable create(TestDatabase database, Class<?> schema) {
        database.requireReachable();
        SingleConnectionDataSource connection = new SingleConnectionDataSource(database.url(), true);
        SchemaRegistry registry = SchemaRegistry.builder().add(schema).build();
        Dialect dialect = DialectResolver.resolve(connection);
        JdbcTemplate jdbc = new JdbcTemplate(connection);
        String table = registry.get(schema).source();
        jdbc.execute("DROP TABLE IF EXISTS " + table);
        SchemaDdl.create(registry, dialect).forEach(jdbc::execute);
        Repo repo = new Repo(registry, jdbc, dialect, JsonMapper.builder().build(),
                new DataSourceTransactionManager(connection), RepoContract.CLOCK);
        return new DdlTable(connection, repo, table);
    }

    @Override
    public void close() {
        this.jdbc.execute("DROP TABLE IF EXISTS " + this.table);
        this.connection.destroy();
    }

}
