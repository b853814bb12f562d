package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.query.Aggregate;
import io.schemaspring.query.Expr;
import io.schemaspring.query.Lock;
import io.schemaspring.repo.Multi;
import io.schemaspring.repo.MultiResult;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.it.fixtures.ReplicaNote;
import io.schemaspring.repo.it.fixtures.ServedBy;
import io.schemaspring.repo.routing.ReadRouting;
import io.schemaspring.repo.routing.ReplicaRoutingDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository on a {@link ReplicaRoutingDataSource} over the real PostgreSQL primary
 * (5432) and its streaming replica (5433): each read says who answered it through
 * {@code pg_is_in_recovery()} (true only on the replica).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReplicaRoutingTest {

    private static final Expr ON_REPLICA = Expr.sql("pg_is_in_recovery()");

    private final JdbcTemplate primary = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.POSTGRES.url()));

    private final JdbcTemplate replica = new JdbcTemplate(new DriverManagerDataSource(TestDatabase.REPLICA.url()));

    private final SchemaRegistry registry = SchemaRegistry.builder().add(ReplicaNote.class).add(ServedBy.class).build();

    private final AtomicInteger replicaConnections = new AtomicInteger();

    private DataSource routed;

    private Repo repo;

    private JdbcTemplate jdbc;

    private TransactionTemplate readWrite;

    private TransactionTemplate readOnly;

    @BeforeAll
    void createTablesOnThePrimary() {
        TestDatabase.POSTGRES.requireReachable();
        TestDatabase.REPLICA.requireReachable();
        this.primary.execute("DROP VIEW IF EXISTS replica_served_by");
        this.primary.execute("DROP TABLE IF EXISTS replica_notes");
        this.primary.execute("CREATE TABLE replica_notes (id bigserial PRIMARY KEY, body text NOT NULL, "
                + "served_by_id bigint NOT NULL)");
        this.primary
            .execute("CREATE VIEW replica_served_by AS SELECT 1::bigint AS id, pg_is_in_recovery() AS in_recovery");
        awaitOnReplica("SELECT count(*) FROM pg_views WHERE viewname = 'replica_served_by'", 1);
        this.routed = routingTo(Map.of("replica-1", counting(TestDatabase.REPLICA.url(), this.replicaConnections)));
        this.jdbc = new JdbcTemplate(this.routed);
        this.repo = repoOn(this.routed);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(this.routed);
        this.readWrite = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @AfterAll
    void dropTables() throws Exception {
        if (this.routed instanceof AutoCloseable closeable) {
            closeable.close();
        }
        this.primary.execute("DROP VIEW IF EXISTS replica_served_by");
        this.primary.execute("DROP TABLE IF EXISTS replica_notes");
    }

    @BeforeEach
    void startEmpty() {
        this.primary.update("DELETE FROM replica_notes");
        awaitOnReplica("SELECT count(*) FROM replica_notes", 0);
        this.replicaConnections.set(0);
    }

    private Repo repoOn(DataSource dataSource) {
        return new Repo(this.registry, new JdbcTemplate(dataSource), DialectResolver.resolve(dataSource),
                JsonMapper.builder().build(), new DataSourceTransactionManager(dataSource), RepoContract.CLOCK);
    }

    private ReplicaNote replicated(String body) {
        ReplicaNote note = this.repo.insert(ReplicaNote.of(body));
        awaitOnReplica("SELECT count(*) FROM replica_notes WHERE id = " + note.id, 1);
        return note;
    }

    private boolean servedByReplica(Repo repo) {
        return repo.get(ServedBy.class, 1L).orElseThrow().inRecovery;
    }

    private void awaitOnReplica(String countSql, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (this.replica.queryForObject(countSql, Long.class) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the replica did not reach " + expected + " for " + countSql + " in 10 s");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    @Test
    void everyKindOfReadOutsideATransactionIsAnsweredByTheReplica() {
        ReplicaNote note = replicated("first");
        Query<ReplicaNote> onReplica = Query.from(ReplicaNote.class).where(ON_REPLICA);

        assertThat(servedByReplica(this.repo)).isTrue();
        assertThat(this.repo.all(onReplica)).extracting(n -> n.body).containsExactly("first");
        assertThat(this.repo.one(onReplica)).map(n -> n.id).contains(note.id);
        assertThat(this.repo.count(onReplica)).isEqualTo(1);
        assertThat(this.repo.exists(onReplica)).isTrue();
        assertThat(this.repo.aggregate(onReplica, Aggregate.COUNT, "id", Long.class)).contains(1L);
        assertThat(this.repo.all(onReplica.select(NoteBody.class))).containsExactly(new NoteBody("first"));
        assertThat(this.repo.preload(note, "servedBy").servedBy.inRecovery).isTrue();
        assertThat(this.replicaConnections.get()).isEqualTo(8);
    }

    @Test
    void sqlWrittenByHandGoesToThePrimaryUnlessMarkedAsAReplicaRead() {
        assertThat(this.repo.queryForList("SELECT pg_is_in_recovery()", Map.of(), Boolean.class))
            .containsExactly(false);
        assertThat(this.repo.queryForList("SELECT nextval('replica_notes_id_seq')", Map.of(), Long.class)).hasSize(1);
        assertThat(ReadRouting
            .replicaRead(() -> this.repo.queryForList("SELECT pg_is_in_recovery()", Map.of(), Boolean.class)))
            .containsExactly(true);
        assertThat(this.replicaConnections.get()).isEqualTo(1);
    }

    record NoteBody(String body) {
    }

    @Test
    void writesGoToThePrimaryAndReachTheReplicaByReplication() {
        ReplicaNote note = this.repo.insert(ReplicaNote.of("written"));
        note.body = "rewritten";
        this.repo.update(note);

        assertThat(this.primary.queryForObject("SELECT body FROM replica_notes WHERE id = ?", String.class, note.id))
            .isEqualTo("rewritten");
        assertThat(this.replicaConnections.get()).isZero();
        awaitOnReplica("SELECT count(*) FROM replica_notes WHERE body = 'rewritten'", 1);
        this.repo.delete(note);
        assertThat(this.primary.queryForObject("SELECT count(*) FROM replica_notes", Long.class)).isZero();
        assertThat(this.replicaConnections.get()).isZero();
    }

    @Test
    void readsInsideAReadWriteTransactionGoToThePrimary() {
        replicated("first");
        List<Object> answers = this.readWrite.execute(status -> List.of(servedByReplica(this.repo),
                this.repo.count(Query.from(ReplicaNote.class).where(ON_REPLICA)),
                this.jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)));
        assertThat(answers).containsExactly(false, 0L, false);
        assertThat(this.replicaConnections.get()).isZero();
    }

    @Test
    void everyStatementOfAReadOnlyTransactionGoesToTheReplica() {
        replicated("first");
        List<Object> answers = this.readOnly.execute(status -> List.of(servedByReplica(this.repo),
                this.repo.count(Query.from(ReplicaNote.class).where(ON_REPLICA)),
                this.jdbc.queryForObject("SELECT pg_is_in_recovery()", Boolean.class)));
        assertThat(answers).containsExactly(true, 1L, true);
        assertThat(this.replicaConnections.get()).isEqualTo(1);
    }

    @Test
    void withoutATransactionButWithSynchronizationTheFirstConnectionIsThePrimaryUnlessReadOnly() {
        TransactionTemplate supports = new TransactionTemplate(new DataSourceTransactionManager(this.routed));
        supports.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        List<Object> answers = supports.execute(
                status -> List.of(servedByReplica(this.repo), this.repo.insert(ReplicaNote.of("after a read")).body));
        assertThat(answers).containsExactly(false, "after a read");
        supports.setReadOnly(true);
        Boolean readOnly = supports.execute(status -> servedByReplica(this.repo));
        assertThat(readOnly).isTrue();
        assertThat(this.replicaConnections.get()).isEqualTo(1);
    }

    @Test
    void oneReadStaysOnOneReplicaWhateverItsStatements() throws Exception {
        ReplicaNote note = replicated("one read");
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        DataSource twoReplicas = twoReplicas(first, second);
        List<ReplicaNote> read = repoOn(twoReplicas).all(Query.from(ReplicaNote.class).preload("servedBy"));
        assertThat(read).extracting(n -> n.id).containsExactly(note.id);
        assertThat(read.get(0).servedBy.inRecovery).isTrue();
        assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(2, 0);
        ((AutoCloseable) twoReplicas).close();
    }

    @Test
    void unwrapAnswersThePrimaryEvenInAReadOnlyTransaction() {
        String url = this.readOnly.execute(status -> {
            try {
                return this.routed.unwrap(DriverManagerDataSource.class).getUrl();
            }
            catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        });
        assertThat(url).isEqualTo(TestDatabase.POSTGRES.url());
    }

    @Test
    void aNonPositiveRetryAfterIsRefused() {
        assertThatThrownBy(
                () -> ReplicaRoutingDataSource.create(new DriverManagerDataSource(TestDatabase.POSTGRES.url()),
                        Map.of("replica-1", new DriverManagerDataSource(TestDatabase.REPLICA.url())), Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("retryAfter must be positive, was PT0S: a replica that gave no connection must be left alone "
                    + "for a while");
    }

    @Test
    void aReadWhoseReplicaConnectionIsLostRunsOnceMoreElsewhere() throws Exception {
        DataSource routing = routingTo(Map.of("flaky", failingOnce(TestDatabase.REPLICA.url(), "08006")));
        assertThat(servedByReplica(repoOn(routing))).isFalse();
        assertThat(routing.unwrap(ReplicaRoutingDataSource.class).unavailableReplicas()).containsExactly("flaky");
        ((AutoCloseable) routing).close();
    }

    @Test
    void aReadCanceledOnTheReplicaIsNotRetried() throws Exception {
        DataSource routing = routingTo(Map.of("slow", failingOnce(TestDatabase.REPLICA.url(), "57014")));
        Repo canceled = repoOn(routing);
        assertThatThrownBy(() -> servedByReplica(canceled)).isInstanceOf(DataAccessException.class)
            .hasRootCauseMessage("canceling statement due to statement timeout");
        assertThat(routing.unwrap(ReplicaRoutingDataSource.class).unavailableReplicas()).isEmpty();
        assertThat(servedByReplica(canceled)).isTrue();
        ((AutoCloseable) routing).close();
    }

    /**
     * A replica whose first connection fails its first statement with the SQLState given.
     */
    private static DataSource failingOnce(String url, String sqlState) {
        AtomicInteger connections = new AtomicInteger();
        return new DelegatingDataSource(new DriverManagerDataSource(url)) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                if (connections.getAndIncrement() > 0) {
                    return connection;
                }
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                            if (method.getName().startsWith("prepare")) {
                                throw new SQLException(
                                        sqlState.equals("57014") ? "canceling statement due to statement timeout"
                                                : "An I/O error occurred while sending to the backend.",
                                        sqlState);
                            }
                            try {
                                return method.invoke(connection, args);
                            }
                            catch (InvocationTargetException ex) {
                                throw ex.getCause();
                            }
                        });
            }
        };
    }

    @Test
    void rowLocksGoToThePrimary() {
        ReplicaNote note = replicated("locked");
        List<ReplicaNote> locked = this.readWrite.execute(status -> this.repo
            .all(Query.from(ReplicaNote.class).where(Expr.not(ON_REPLICA)).lock(Lock.FOR_UPDATE)));
        assertThat(locked).extracting(n -> n.id).containsExactly(note.id);
        assertThat(this.repo.all(Query.from(ReplicaNote.class).where(Expr.not(ON_REPLICA)).lock(Lock.FOR_UPDATE)))
            .extracting(n -> n.id)
            .containsExactly(note.id);
        assertThat(this.replicaConnections.get()).isZero();
    }

    @Test
    void aMultiRunsOnThePrimary() {
        MultiResult result = this.repo.transaction(Multi.create()
            .insert("note", ReplicaNote.of("in a multi"))
            .run("served", (repo, changes) -> servedByReplica(repo)));
        assertThat(result.ok()).isTrue();
        assertThat(result.get("served", Boolean.class)).isFalse();
        assertThat(this.replicaConnections.get()).isZero();
    }

    @Test
    void onPrimaryForcesThePrimaryForAnyRead() {
        assertThat(ReadRouting.onPrimary(() -> servedByReplica(this.repo))).isFalse();
        Boolean inReadOnlyTransaction = ReadRouting
            .onPrimary(() -> this.readOnly.execute(status -> servedByReplica(this.repo)));
        assertThat(inReadOnlyTransaction).isFalse();
        assertThat(this.replicaConnections.get()).isZero();
        assertThat(servedByReplica(this.repo)).isTrue();
    }

    @Test
    void aReadYourWritesScopeReadsFromThePrimaryAfterItsFirstWrite() {
        try (ReadRouting.Scope scope = ReadRouting.openScope()) {
            assertThat(servedByReplica(this.repo)).isTrue();
            assertThat(scope.pinned()).isFalse();
            ReplicaNote note = this.repo.insert(ReplicaNote.of("mine"));
            assertThat(scope.pinned()).isTrue();
            assertThat(this.repo.get(ReplicaNote.class, note.id)).map(n -> n.body).contains("mine");
            assertThat(servedByReplica(this.repo)).isFalse();
            Boolean inReadOnlyTransaction = this.readOnly.execute(status -> servedByReplica(this.repo));
            assertThat(inReadOnlyTransaction).isFalse();
        }
        assertThat(servedByReplica(this.repo)).isTrue();
        assertThat(this.replicaConnections.get()).isEqualTo(2);
    }

    @Test
    void aScopeThatMustReadAfterAPositionReadsFromThePrimaryUntilTheReplicaHasReplayedIt() {
        ReplicaRoutingDataSource routing = unwrapRouting();
        this.replica.execute("SELECT pg_wal_replay_pause()");
        String position;
        ReplicaNote note;
        try {
            note = this.repo.insert(ReplicaNote.of("while paused"));
            position = routing.primaryPosition();
            assertThat(position).matches("[0-9A-F]+/[0-9A-F]+");
            assertThat(this.repo.get(ReplicaNote.class, note.id)).as("the replica lags behind").isEmpty();
            try (ReadRouting.Scope scope = ReadRouting.openScope()) {
                assertThat(scope.readAfter(position)).isTrue();
                assertThat(this.repo.get(ReplicaNote.class, note.id)).map(n -> n.body).contains("while paused");
                assertThat(servedByReplica(this.repo)).isFalse();
                assertThat(scope.pinned()).as("a read that had to go to the primary pins nothing").isFalse();
            }
        }
        finally {
            this.replica.execute("SELECT pg_wal_replay_resume()");
        }
        awaitOnReplica("SELECT count(*) FROM replica_notes WHERE id = " + note.id, 1);
        try (ReadRouting.Scope scope = ReadRouting.openScope()) {
            scope.readAfter(position);
            assertThat(servedByReplica(this.repo)).isTrue();
            assertThat(this.repo.get(ReplicaNote.class, note.id)).map(n -> n.body).contains("while paused");
        }
    }

    @Test
    void aPositionThatIsNotOneChangesNothing() {
        try (ReadRouting.Scope scope = ReadRouting.openScope()) {
            assertThat(List.of(scope.readAfter("0/"), scope.readAfter("x/1"), scope.readAfter("-1/5"),
                    scope.readAfter("123456789/0"), scope.readAfter("' OR 1=1")))
                .containsOnly(false);
            assertThat(servedByReplica(this.repo)).isTrue();
        }
        ReadRouting.Scope closed = ReadRouting.openScope();
        closed.close();
        assertThat(closed.readAfter("0/1")).as("a closed scope").isFalse();
    }

    private ReplicaRoutingDataSource unwrapRouting() {
        try {
            return this.routed.unwrap(ReplicaRoutingDataSource.class);
        }
        catch (SQLException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void readsTakeTheReplicasInTurn() throws Exception {
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        DataSource twoReplicas = twoReplicas(first, second);
        Repo twice = repoOn(twoReplicas);
        for (int i = 0; i < 6; i++) {
            assertThat(servedByReplica(twice)).isTrue();
        }
        assertThat(List.of(first.get(), second.get())).containsExactly(3, 3);
        ((AutoCloseable) twoReplicas).close();
    }

    @Test
    void readsGoToTheNextReplicaThenThePrimaryWhenAReplicaGivesNoConnection() throws Exception {
        AtomicInteger down = new AtomicInteger();
        AtomicInteger up = new AtomicInteger();
        Map<String, DataSource> replicas = new LinkedHashMap<>();
        replicas.put("down", counting("jdbc:postgresql://127.0.0.1:5439/test?user=postgres&connectTimeout=1", down));
        replicas.put("up", counting(TestDatabase.REPLICA.url(), up));
        DataSource routing = routingTo(replicas);
        Repo fallingBack = repoOn(routing);
        for (int i = 0; i < 4; i++) {
            assertThat(servedByReplica(fallingBack)).isTrue();
        }
        assertThat(List.of(down.get(), up.get())).containsExactly(1, 4);
        assertThat(routing.unwrap(ReplicaRoutingDataSource.class).unavailableReplicas()).containsExactly("down");

        Map<String, DataSource> none = Map.of("down",
                counting("jdbc:postgresql://127.0.0.1:5439/test?user=postgres", down));
        DataSource onlyDown = routingTo(none);
        assertThat(servedByReplica(repoOn(onlyDown))).isFalse();
        assertThat(servedByReplica(repoOn(onlyDown))).isFalse();
        assertThat(down.get()).isEqualTo(2);
        ((AutoCloseable) routing).close();
        ((AutoCloseable) onlyDown).close();
    }

    /**
     * The primary and these replicas behind the routing, a failed replica left alone for
     * 5 minutes.
     */
    private static DataSource routingTo(Map<String, DataSource> replicas) {
        return ReplicaRoutingDataSource.create(new DriverManagerDataSource(TestDatabase.POSTGRES.url()), replicas,
                Duration.ofMinutes(5));
    }

    /**
     * Two replicas, "first" then "second", on the one replica server, counting their
     * connections.
     */
    private static DataSource twoReplicas(AtomicInteger first, AtomicInteger second) {
        Map<String, DataSource> replicas = new LinkedHashMap<>();
        replicas.put("first", counting(TestDatabase.REPLICA.url(), first));
        replicas.put("second", counting(TestDatabase.REPLICA.url(), second));
        return routingTo(replicas);
    }

    private static DataSource counting(String url, AtomicInteger connections) {
        return new DelegatingDataSource(new DriverManagerDataSource(url)) {
            @Override
            public Connection getConnection() throws SQLException {
                connections.incrementAndGet();
                return super.getConnection();
            }
        };
    }

}
