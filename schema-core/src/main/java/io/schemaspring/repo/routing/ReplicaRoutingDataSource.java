package io.schemaspring.repo.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * A Spring {@link AbstractRoutingDataSource} over a primary and its streaming replicas: statements
 * that {@link ReadRouting} allows on a replica go to the replicas in turn (round robin), all
 * others to the primary. A replica that cannot give a connection is skipped for
 * {@code retryAfter} and the read goes to the next one, then to the primary, so reads go on
 * while a replica is down; a {@linkplain ReadRouting#replicaRead read} whose replica connection
 * breaks half-way runs once more the same way.
 * <p>
 * Use it through {@link #create}, which puts Spring's {@link LazyConnectionDataSourceProxy} in
 * front: a transaction then takes its connection at its first statement, when whether it is
 * read-only is known.
 */
public class ReplicaRoutingDataSource extends AbstractRoutingDataSource implements AutoCloseable {

    /** The lookup key of the primary. */
    public static final String PRIMARY = "primary";

    private static final Log logger = LogFactory.getLog(ReplicaRoutingDataSource.class);

    private final DataSource primary;

    private final List<Replica> replicas = new ArrayList<>();

    private final AtomicInteger next = new AtomicInteger();

    /**
     * @param primary where writes, and reads that may not go to a replica, go
     * @param replicas the replicas by name (their lookup keys), in order
     * @param retryAfter how long a replica that failed to give a connection is left alone
     */
    public ReplicaRoutingDataSource(DataSource primary, Map<String, DataSource> replicas, Duration retryAfter) {
        this.primary = Objects.requireNonNull(primary, "Primary DataSource must not be null");
        if (replicas.containsKey(PRIMARY)) {
            throw new IllegalArgumentException("A replica may not be named '" + PRIMARY + "'");
        }
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
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
     * {@link LazyConnectionDataSourceProxy}; closing it closes the primary and the replicas.
     */
    public static DataSource create(DataSource primary, Map<String, DataSource> replicas, Duration retryAfter) {
        return new LazyRouting(new ReplicaRoutingDataSource(primary, replicas, retryAfter));
    }

    /** The replica the next statement goes to, or {@link #PRIMARY}. */
    @Override
    protected Object determineCurrentLookupKey() {
        if (!ReadRouting.replicaAllowed()) {
            return PRIMARY;
        }
        Replica replica = nextAvailable();
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

    /** The names of the replicas that are skipped now because they failed to give a connection. */
    public List<String> unavailableReplicas() {
        long now = System.nanoTime();
        return this.replicas.stream().filter(replica -> !replica.available(now)).map(replica -> replica.name).toList();
    }

    private Connection connection(@Nullable String username, @Nullable String password) throws SQLException {
        Object key = determineCurrentLookupKey();
        while (!PRIMARY.equals(key)) {
            Replica replica = replica(key);
            try {
                Connection connection = open(replica.dataSource, username, password);
                replica.answered();
                ReadRouting.replicaUsed(replica);
                return connection;
            }
            catch (SQLException ex) {
                replica.failed(ex);
                Replica other = nextAvailable();
                key = other != null ? other.name : PRIMARY;
            }
        }
        ReadRouting.primaryUsed();
        return open(this.primary, username, password);
    }

    private static Connection open(DataSource dataSource, @Nullable String username, @Nullable String password)
            throws SQLException {
        return username != null ? dataSource.getConnection(username, password) : dataSource.getConnection();
    }

    private @Nullable Replica nextAvailable() {
        long now = System.nanoTime();
        int size = this.replicas.size();
        int start = Math.floorMod(this.next.getAndIncrement(), size);
        for (int i = 0; i < size; i++) {
            Replica replica = this.replicas.get((start + i) % size);
            if (replica.available(now)) {
                return replica;
            }
        }
        return null;
    }

    private Replica replica(Object key) {
        for (Replica replica : this.replicas) {
            if (replica.name.equals(key)) {
                return replica;
            }
        }
        throw new IllegalStateException("No replica named " + key);
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

    static final class Replica {

        final String name;

        final DataSource dataSource;

        private final long retryAfterNanos;

        private volatile long downUntil;

        private volatile boolean down;

        Replica(String name, DataSource dataSource, long retryAfterNanos) {
            this.name = name;
            this.dataSource = dataSource;
            this.retryAfterNanos = retryAfterNanos;
        }

        boolean available(long now) {
            return !this.down || now - this.downUntil >= 0;
        }

        void failed(Exception ex) {
            this.downUntil = System.nanoTime() + this.retryAfterNanos;
            if (!this.down) {
                this.down = true;
                logger.warn("Replica '" + this.name + "' gave no connection (" + ex.getMessage() + "); its reads go to "
                        + "the other replicas or the primary, and it is tried again in "
                        + Duration.ofNanos(this.retryAfterNanos).toMillis() + " ms");
            }
        }

        void answered() {
            if (this.down) {
                this.down = false;
                logger.info("Replica '" + this.name + "' answers again");
            }
        }
    }

    /** The routing behind Spring's lazy proxy, closeable so that the container closes the pools. */
    private static final class LazyRouting extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private final ReplicaRoutingDataSource routing;

        LazyRouting(ReplicaRoutingDataSource routing) {
            super(routing);
            this.routing = routing;
        }

        @Override
        public void close() throws Exception {
            this.routing.close();
        }
    }
}
