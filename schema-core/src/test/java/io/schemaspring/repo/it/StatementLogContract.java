package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.query.Query;
import io.schemaspring.query.UpdateAll;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.log.StatementLog;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ecto's query log ({@link StatementLog}) on every database of {@link TestDatabase}: one
 * line per statement with its source, values (redacted fields masked), row count and
 * time, taking part in the transactions of the data source it wraps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StatementLogContract {

    private final CapturingLog lines = new CapturingLog();

    private DriverManagerDataSource dataSource;

    private JdbcTemplate jdbc;

    abstract TestDatabase database();

    @BeforeAll
    void connect() throws Exception {
        database().requireReachable();
        this.dataSource = new DriverManagerDataSource(database().url());
        try (Connection raw = this.dataSource.getConnection()) {
            ScriptUtils.executeSqlScript(raw, new ClassPathResource(database().script()));
        }
        this.jdbc = new JdbcTemplate(this.dataSource);
    }

    @BeforeEach
    void clean() {
        RepoContract.TABLES.forEach(table -> this.jdbc.update("DELETE FROM " + table));
        this.lines.clear();
    }

    private Repo repo(StatementLog log) {
        return new Repo(RepoContract.registry(io.schemaspring.metadata.SchemaSettings.defaults()),
                new JdbcTemplate(log.wrap(this.dataSource)), DialectResolver.resolve(this.dataSource),
                JsonMapper.builder().build(), new DataSourceTransactionManager(this.dataSource), RepoContract.CLOCK);
    }

    /** A logged line: its source as this database names tables, its SQL as it quotes. */
    private String line(String level, String outcome, String sql, String values) {
        String source = database() == TestDatabase.H2 ? "AUTHORS" : "authors";
        return level + " " + outcome + " source=\"" + source + "\" rows=1 db=?ms " + database().sql(sql) + " " + values;
    }

    /** The logged lines with each database time as {@code db=?ms}. */
    private List<String> logged() {
        return this.lines.lines.stream().map(line -> line.replaceAll("db=\\d+\\.\\dms", "db=?ms")).toList();
    }

    @Test
    void eachStatementIsLoggedWithItsSourceValuesRowsAndTime() {
        Repo repo = repo(new StatementLog(this.lines, StatementLog.Level.DEBUG, null));
        Author author = Author.named("ann");
        author.password = "secret";
        Long id = repo.insert(author).id;
        this.lines.clear();

        assertThat(repo.all(Query.from(Author.class).where("name", "ann").select(Name.class)))
            .containsExactly(new Name("ann"));
        assertThat(repo.updateAll(Query.from(Author.class).where("id", id), UpdateAll.create().set("bio", "hi")))
            .isEqualTo(1);
        assertThat(repo.count(Query.from(Author.class).where("password", "secret"))).isEqualTo(1);

        assertThat(logged()).containsExactly(
                line("DEBUG", "QUERY OK", "SELECT \"name\" FROM \"authors\" WHERE \"name\" = ?", "[\"ann\"]"),
                line("DEBUG", "QUERY OK", "UPDATE \"authors\" SET \"bio\" = ? WHERE \"id\" = ?",
                        "[\"hi\", " + id + "]"),
                line("DEBUG", "QUERY OK", "SELECT COUNT(*) FROM \"authors\" WHERE \"password\" = ?", "[**redacted**]"));
    }

    record Name(String name) {
    }

    @Test
    void slowStatementsLogAtWarnWhateverTheLevel() {
        Repo repo = repo(new StatementLog(this.lines, StatementLog.Level.OFF, Duration.ZERO));

        repo.count(Query.from(Author.class));

        assertThat(logged()).containsExactly(line("WARN", "SLOW QUERY", "SELECT COUNT(*) FROM \"authors\"", "[]"));
    }

    @Test
    void aFailedStatementIsLoggedWithoutTheDatabaseMessageWhenAValueIsRedacted() {
        Repo repo = repo(new StatementLog(this.lines, StatementLog.Level.DEBUG, null));
        this.jdbc.update("INSERT INTO authors (name) VALUES ('ann')");

        Author duplicate = Author.named("ann");
        duplicate.password = "secret";
        assertThatThrownBy(() -> repo.insertAll(List.of(duplicate))).isInstanceOf(DataAccessException.class);

        assertThat(logged()).singleElement()
            .asString()
            .startsWith("DEBUG QUERY ERROR source=\"" + (database() == TestDatabase.H2 ? "AUTHORS" : "authors")
                    + "\" db=?ms " + database().sql("INSERT INTO \"authors\" ("))
            .contains("**redacted**")
            .doesNotContain("secret")
            .endsWith("(the database's message is left out: it may quote a redacted value)");
    }

    @Test
    void nothingIsLoggedWhileTheLevelIsOff() {
        Repo repo = repo(new StatementLog(this.lines, StatementLog.Level.DEBUG, null));
        this.lines.debug = false;

        repo.insert(Author.named("ann"));

        assertThat(logged()).isEmpty();
        this.lines.debug = true;
    }

    @Test
    void loggedStatementsTakePartInTheTransactionsOfTheDataSource() {
        Repo repo = repo(new StatementLog(this.lines, StatementLog.Level.DEBUG, null));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));

        transactions.executeWithoutResult(status -> {
            repo.insert(Author.named("ann"));
            assertThat(repo.count(Query.from(Author.class))).isEqualTo(1);
            status.setRollbackOnly();
        });

        assertThat(repo.count(Query.from(Author.class))).isZero();
        assertThat(logged()).hasSize(3);
    }

    /** A commons-logging log keeping each line with its level. */
    static final class CapturingLog implements Log {

        final List<String> lines = new ArrayList<>();

        boolean debug = true;

        void clear() {
            this.lines.clear();
        }

        private void add(String level, Object message) {
            this.lines.add(level + " " + message);
        }

        @Override
        public boolean isDebugEnabled() {
            return this.debug;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }

        @Override
        public boolean isFatalEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public void trace(Object message) {
            add("TRACE", message);
        }

        @Override
        public void trace(Object message, Throwable t) {
            add("TRACE", message);
        }

        @Override
        public void debug(Object message) {
            add("DEBUG", message);
        }

        @Override
        public void debug(Object message, Throwable t) {
            add("DEBUG", message);
        }

        @Override
        public void info(Object message) {
            add("INFO", message);
        }

        @Override
        public void info(Object message, Throwable t) {
            add("INFO", message);
        }

        @Override
        public void warn(Object message) {
            add("WARN", message);
        }

        @Override
        public void warn(Object message, Throwable t) {
            add("WARN", message);
        }

        @Override
        public void error(Object message) {
            add("ERROR", message);
        }

        @Override
        public void error(Object message, Throwable t) {
            add("ERROR", message);
        }

        @Override
        public void fatal(Object message) {
            add("FATAL", message);
        }

        @Override
        public void fatal(Object message, Throwable t) {
            add("FATAL", message);
        }

    }

}
