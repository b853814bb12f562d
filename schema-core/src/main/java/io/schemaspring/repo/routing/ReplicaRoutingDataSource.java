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
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * A Spring {@link AbstractRoutingDataSource} over a primary and its streaming replicas: statements
 * that {@link ReadRouting} allows on a replica go to the replicas in turn (round robin; the
 * statements of one repository read stay on one replica), all others to the primary. A replica
 * that cannot give a connection is skipped for {@code retryAfter}, then one read tries it again,
 * and the read goes to the next replica, then to the primary, so reads go on while a replica is
 * down; a {@linkplain ReadRouting#replicaRead read} whose replica connection breaks half-way runs
 * once more the same way.
 * <p>
 * Use it through {@link #create}, which puts Spring's {@link LazyConnectionDataSourceProxy} in
 * front: a transaction then takes its connection at its first statement, when whether it is
 * read-only is known. {@link #unwrap} answers the primary's data source.
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
     * @param retryAfter how long a replica that failed to give a connection is left alone (positive)
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
     * {@link LazyConnectionDataSourceProxy} (its connection defaults read from the primary);
     * closing it closes the primary and the replicas.
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

    /** The primary's data source, or what it wraps: never a replica's, whatever is being read. */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : this.primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || this.primary.isWrapperFor(type);
    }

    /** The names of the replicas that are skipped now because they failed to give a connection. */
    public List<String> unavailableReplicas() {
        long now = System.nanoTime();
        return this.replicas.stream().filter(replica -> replica.down(now)).map(replica -> replica.name).toList();
    }

    private Connection connection(@Nullable String username, @Nullable String password) throws SQLException {
        if (ReadRouting.replicaAllowed()) {
            long now = System.nanoTime();
            Replica replica = sameReplica(now);
            for (int tried = 0; tried < this.replicas.size(); tried++) {
                if (replica == null) {
                    replica = nextAvailable(now);
                    if (replica == null) {
                        break;
                    }
                }
                try {
                    Connection connection = open(replica.dataSource, username, password);
                    replica.answered();
                    ReadRouting.replicaUsed(replica);
                    return connection;
                }
                catch (SQLException ex) {
                    replica.failed(ex);
                    replica = null;
                }
            }
        }
        ReadRouting.primaryUsed();
        return open(this.primary, username, password);
    }

    /** The replica an ongoing read already uses, so that one read never sees two replicas' lags. */
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
     * A replica and whether it is skipped: {@code downUntil} is 0 while it answers, else when one
     * read may try it again; that read moves the time on first, so that the others keep skipping
     * it while it tries.
     */
    static final class Replica {

        final String name;

        final DataSource dataSource;

        private final long retryAfterNanos;

        private final AtomicLong downUntil = new AtomicLong();

        Replica(String name, DataSource dataSource, long retryAfterNanos) {
            this.name = name;
            this.dataSource = dataSource;
            this.retryAfterNanos = retryAfterNanos;
        }

        boolean down(long now) {
            long until = this.downUntil.get();
            return until != 0 && now - until < 0;
        }

        /** Whether a statement may use it now: it is up, or its time is over and this read is the one to try it. */
        boolean take(long now) {
            long until = this.downUntil.get();
            return until == 0 || (now - until >= 0 && this.downUntil.compareAndSet(until, now + this.retryAfterNanos));
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

    /** The routing behind Spring's lazy proxy, closeable so that the container closes the pools. */
    private static final class LazyRouting extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private final ReplicaRoutingDataSource routing;

        LazyRouting(ReplicaRoutingDataSource routing) {
            this.routing = routing;
            setTargetDataSource(routing);
            try (Connection connection = routing.primary.getConnection()) {
                checkDefaultConnectionProperties(connection);
            }
            catch (SQLException ex) {
                // The primary is not reachable yet: the proxy reads the defaults at its first connection.
            }
        }

        @Override
        public void close() throws Exception {
            this.routing.close();
        }
    }
}
