package io.schemaspring.repo.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * A Spring {@link AbstractRoutingDataSource} over a primary and its streaming replicas:
 * statements that {@link ReadRouting} allows on a replica go to the replicas in turn
 * (round robin; the statements of one repository read stay on one replica), all others to
 * the primary. A replica that cannot give a connection is skipped for {@code retryAfter},
 * then one read tries it again, and the read goes to the next replica, then to the
 * primary, so reads go on while a replica is down; a {@linkplain ReadRouting#replicaRead
 * read} whose replica connection breaks half-way runs once more the same way.
 * <p>
 * Use it through {@link #create}, which puts Spring's
 * {@link LazyConnectionDataSourceProxy} in front: a transaction then takes its connection
 * at its first statement, when whether it is read-only is known. {@link #unwrap} answers
 * the primary's data source.
 */
public class ReplicaRoutingDataSource extends AbstractRoutingDataSource implements AutoCloseable {

    /** The lookup key of the primary. */
    public static final String PRIMARY = "primary";

    private static final Log logger = LogFactory.getLog(ReplicaRoutingDataSource.class);

    private static final int VALIDATION_SECONDS = 2;

    private final DataSource primary;

    private final List<Replica> replicas = new ArrayList<>();

    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param primary where writes, and reads that may not go to a replica, go
     * @param replicas the replicas by name (their lookup keys), in order
     * @param retryAfter how long a replica that failed to give a connection is left alone
     * (positive)
     */
    public ReplicaRoutingDataSource(DataSource primary, Map<String, DataSource> replicas, Duration retryAfter) {
        this.primary = Objects.requireNonNull(primary, "Primary DataSource must not be null");
        if (replicas.containsKey(PRIMARY)) {
            throw new IllegalArgumentException("A replica may not be named '" + PRIMARY + "'");
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter
                    + ": a replica that gave no connection must be left alone for a while");
        }
        long retryAfterNanos = retryAfter.toNanos();
        Map<Object, Object> targets = new LinkedHashMap<>();
        targets.put(PRIMARY, primary);
        replicas.forEach((name, dataSource) -> {
            this.replicas.add(new Replica(name, dataSource, retryAfterNanos));
            targets.put(name, dataSource);
        });
        setTargetDataSources(targets);
        setDefaultTargetDataSource(primary);
        setLenientFallback(false);
        afterPropertiesSet();
    }

    /**
     * The data source to give the application: this routing behind Spring's
     * {@link LazyConnectionDataSourceProxy} (its connection defaults read from the
     * primary); closing it closes the primary and the replicas.
     */
    public static DataSource create(DataSource primary, Map<String, DataSource> replicas, Duration retryAfter) {
        return new LazyRouting(new ReplicaRoutingDataSource(primary, replicas, retryAfter));
    }

    /** The replica the next statement goes to, or {@link #PRIMARY}. */
    @Override
    protected Object determineCurrentLookupKey() {
        Replica replica = ReadRouting.replicaAllowed() ? nextAvailable(System.nanoTime()) : null;
        return replica != null ? replica.name : PRIMARY;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connection(null, null);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connection(username, password);
    }

    /**
     * The primary's data source, or what it wraps: never a replica's, whatever is being
     * read.
     */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : this.primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || this.primary.isWrapperFor(type);
    }

    /**
     * The names of the replicas that are skipped now because they failed to give a
     * connection.
     */
    public List<String> unavailableReplicas() {
        long now = System.nanoTime();
        return this.replicas.stream().filter(replica -> replica.down(now)).map(replica -> replica.name).toList();
    }

    /**
     * The position the primary's log has reached, to give a client after a write so that
     * its later reads {@linkplain ReadRouting.Scope#readAfter read after} it;
     * {@code null} when the primary cannot say (it is unreachable, or not PostgreSQL).
     */
    public @Nullable String primaryPosition() {
        try (Connection connection = this.primary.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            return result.next() ? result.getString(1) : null;
        }
        catch (SQLException ex) {
            logger.debug("The primary gave no log position", ex);
            return null;
        }
    }

    private Connection connection(@Nullable String username, @Nullable String password) throws SQLException {
        if (ReadRouting.replicaAllowed()) {
            long now = System.nanoTime();
            long required = ReadRouting.requiredPosition();
            if (required != WalPosition.NONE && ReadRouting.replicasBehind()) {
                ReadRouting.primaryUsed(false);
                return open(this.primary, username, password);
            }
            Replica replica = sameReplica(now);
            for (int tried = 0; tried < this.replicas.size(); tried++) {
                if (replica == null) {
                    replica = nextAvailable(now);
                    if (replica == null) {
                        break;
                    }
                }
                Connection connection = replicaConnection(replica, required, username, password);
                if (connection != null) {
                    ReadRouting.replicaUsed(replica);
                    return connection;
                }
                replica = null;
            }
            if (required != WalPosition.NONE) {
                ReadRouting.replicasAreBehind();
            }
            ReadRouting.primaryUsed(false);
            return open(this.primary, username, password);
        }
        ReadRouting.primaryUsed(true);
        return open(this.primary, username, password);
    }

    /**
     * A connection of the replica's that may answer the read: one that works (checked
     * when the replica was down, so that it is said to answer again only when it does) on
     * a replica that has replayed the log up to {@code required}; else {@code null}. Only
     * a connection that cannot be had or does not answer makes the replica skipped for a
     * while.
     */
    private static @Nullable Connection replicaConnection(Replica replica, long required, @Nullable String username,
            @Nullable String password) {
        Connection connection;
        try {
            connection = open(replica.dataSource, username, password);
            if (replica.wasDown() && !connection.isValid(VALIDATION_SECONDS)) {
                closeQuietly(connection);
                throw new SQLException("the connection it gave does not answer");
            }
        }
        catch (SQLException ex) {
            replica.failed(ex);
            return null;
        }
        replica.answered();
        try {
            if (replica.replayed(connection, required)) {
                return connection;
            }
        }
        catch (SQLException | RuntimeException ex) {
            logger.debug("Replica '" + replica.name + "' could not say how far it has replayed", ex);
        }
        closeQuietly(connection);
        return null;
    }

    private static void closeQuietly(@Nullable Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException | RuntimeException ex) {
                logger.debug("Could not close a replica connection", ex);
            }
        }
    }

    /**
     * The replica an ongoing read already uses, so that one read never sees two replicas'
     * lags.
     */
    private @Nullable Replica sameReplica(long now) {
        Replica used = ReadRouting.replicaInUse();
        return used != null && this.replicas.contains(used) && !used.down(now) ? used : null;
    }

    private static Connection open(DataSource dataSource, @Nullable String username, @Nullable String password)
            throws SQLException {
        return username != null ? dataSource.getConnection(username, password) : dataSource.getConnection();
    }

    private @Nullable Replica nextAvailable(long now) {
        int size = this.replicas.size();
        int start = Math.floorMod(this.next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            Replica replica = this.replicas.get((start + i) % size);
            if (replica.take(now)) {
                return replica;
            }
        }
        return null;
    }

    /** Closes the replicas and the primary that can be closed (pools). */
    @Override
    public void close() throws Exception {
        for (Replica replica : this.replicas) {
            closeIfCloseable(replica.dataSource);
        }
        closeIfCloseable(this.primary);
    }

    private static void closeIfCloseable(DataSource dataSource) throws Exception {
        if (dataSource instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * A replica and whether it is skipped: {@code downUntil} is 0 while it answers, else
     * when one read may try it again; that read moves the time on first, so that the
     * others keep skipping it while it tries.
     */
    static final class Replica {

        final String name;

        final DataSource dataSource;

        private final long retryAfterNanos;

        private final AtomicLong downUntil = new AtomicLong();

        /**
         * The furthest position of the primary's log this replica was seen to have
         * replayed.
         */
        private final AtomicLong replayed = new AtomicLong(WalPosition.NONE);

        Replica(String name, DataSource dataSource, long retryAfterNanos) {
            this.name = name;
            this.dataSource = dataSource;
            this.retryAfterNanos = retryAfterNanos;
        }

        boolean down(long now) {
            long until = this.downUntil.get();
            return until != 0 && now - until < 0;
        }

        /**
         * Whether a statement may use it now: it is up, or its time is over and this read
         * is the one to try it.
         */
        boolean take(long now) {
            long until = this.downUntil.get();
            return until == 0 || (now - until >= 0 && this.downUntil.compareAndSet(until, now + this.retryAfterNanos));
        }

        boolean wasDown() {
            return this.downUntil.get() != 0;
        }

        /**
         * Whether it has replayed the primary's log up to {@code required}, asked only
         * when what it was last seen to have replayed is not enough. A replica that is no
         * longer in recovery (promoted) has everything.
         */
        boolean replayed(Connection connection, long required) throws SQLException {
            if (required == WalPosition.NONE || this.replayed.get() >= required) {
                return true;
            }
            String position;
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT pg_last_wal_replay_lsn()::text")) {
                position = result.next() ? result.getString(1) : null;
            }
            if (position == null) {
                return true;
            }
            long parsed = WalPosition.parse(position);
            this.replayed.accumulateAndGet(parsed, Math::max);
            return parsed >= required;
        }

        void failed(Exception ex) {
            long previous = this.downUntil.getAndSet(System.nanoTime() + this.retryAfterNanos);
            if (previous == 0) {
                logger.warn("Replica '" + this.name + "' gave no connection (" + ex.getMessage() + "); its reads go to "
                        + "the other replicas or the primary, and it is tried again in "
                        + Duration.ofNanos(this.retryAfterNanos).toMillis() + " ms");
            }
        }

        void answered() {
            long until = this.downUntil.get();
            if (until != 0 && this.downUntil.compareAndSet(until, 0)) {
                logger.info("Replica '" + this.name + "' answers again");
            }
        }

    }

    /**
     * The routing behind Spring's lazy proxy, closeable so that the container closes the
     * pools.
     */
    private static final class LazyRouting extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private final ReplicaRoutingDataSource routing;

        LazyRouting(ReplicaRoutingDataSource routing) {
            this.routing = routing;
            setTargetDataSource(routing);
            try (Connection connection = routing.primary.getConnection()) {
                checkDefaultConnectionProperties(connection);
            }
            catch (SQLException ex) {
                // The primary is not reachable yet: the proxy reads the defaults at its
                // first connection.
            }
        }

        @Override
        public void close() throws Exception {
            this.routing.close();
        }

    }

}
