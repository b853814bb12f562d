package io.schemaspring.repo.it;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.it.ecto.Barebone;
import io.schemaspring.repo.it.ecto.Category;
import io.schemaspring.repo.it.ecto.CompositePk;
import io.schemaspring.repo.it.ecto.Custom;
import io.schemaspring.repo.it.ecto.Order;
import io.schemaspring.repo.it.ecto.PostUserCompositePk;
import io.schemaspring.repo.it.ecto.Raw;
import io.schemaspring.repo.it.ecto.Usec;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ports of Ecto's integration tests: Ecto's schemas
 * ({@code integration_test/support/schemas.exs}, in {@code ecto}) in the tables of
 * {@code it/ecto/<database>.sql}, emptied before each test, on every database of
 * {@link TestDatabase}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EctoContract {

    /** Children before parents, so that foreign keys allow each delete. */
    private static final List<String> TABLES = List.of("ecto_orders", "ecto_customs_customs",
            "ecto_posts_users_composite_pk", "ecto_posts_users_pk", "ecto_posts_users", "ecto_permalinks",
            "ecto_comments", "ecto_posts", "ecto_users", "ecto_customs", "ecto_barebones", "ecto_composite_pk",
            "ecto_raw_comments", "ecto_categories", "ecto_usecs");

    SingleConnectionDataSource connection;

    CountingDataSource dataSource;

    Repo repo;

    JdbcTemplate jdbc;

    abstract TestDatabase database();

    @BeforeAll
    void connect() throws Exception {
        database().requireReachable();
        this.connection = new SingleConnectionDataSource(database().url(), true);
        try (Connection raw = this.connection.getConnection()) {
            ScriptUtils.executeSqlScript(raw, new ClassPathResource("it/ecto/" + database().script().substring(3)));
        }
        this.dataSource = new CountingDataSource(this.connection);
        SchemaRegistry registry = SchemaRegistry.builder()
            .add(io.schemaspring.repo.it.ecto.User.class, io.schemaspring.repo.it.ecto.Post.class,
                    io.schemaspring.repo.it.ecto.Comment.class, io.schemaspring.repo.it.ecto.Permalink.class,
                    io.schemaspring.repo.it.ecto.PostUser.class, Custom.class, Order.class, Barebone.class,
                    CompositePk.class, PostUserCompositePk.class, Raw.class, Category.class, Usec.class)
            .build();
        this.repo = new Repo(registry, new JdbcTemplate(this.dataSource), DialectResolver.resolve(this.connection),
                JsonMapper.builder().build(), new DataSourceTransactionManager(this.dataSource), RepoContract.CLOCK);
        this.jdbc = new JdbcTemplate(this.connection);
    }

    String sql(String template) {
        return database().sql(template);
    }

    @AfterAll
    void disconnect() {
        if (this.connection != null) {
            this.connection.destroy();
        }
    }

    @BeforeEach
    void clean() {
        TABLES.forEach(table -> this.jdbc.update("DELETE FROM " + table));
    }

}
