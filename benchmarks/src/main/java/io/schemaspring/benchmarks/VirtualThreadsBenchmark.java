package io.schemaspring.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 64 virtual threads, each reading a post by id and then changing its title,
 * {@link #ROUNDS} times, over a pool of {@link #POOL} connections; one operation is all
 * 256 get-then-updates. Virtual threads need Java 21: {@link BenchmarkMain} forks this
 * benchmark on a JDK 21+ (the build targets 17).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VirtualThreadsBenchmark {

    static final int THREADS = 64;
    static final int ROUNDS = 4;
    static final int POOL = 16;

    @Param({ "jdbc", "jdbcTemplate", "springDataJdbc", "jpa", "schema" })
    public String impl;

    @Param({ "postgres" })
    public String db;

    private BenchDatabase database;

    private Workload workload;

    private ExecutorService executor;

    private int round;

    @Setup(Level.Trial)
    public void open() {
        this.executor = virtualThreadPerTask();
        this.database = BenchDatabase.open(this.db, POOL);
        this.workload = Workloads.create(this.impl, this.database.dataSource(), this.db);
    }

    @TearDown(Level.Trial)
    public void close() {
        this.executor.shutdown();
        this.workload.close();
        this.database.close();
    }

    /**
     * {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up: this code compiles
     * for Java 17.
     */
    static ExecutorService virtualThreadPerTask() {
        try {
            return (ExecutorService) MethodHandles.publicLookup()
                .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor",
                        MethodType.methodType(ExecutorService.class))
                .invoke();
        }
        catch (NoSuchMethodException ex) {
            throw new IllegalStateException("Virtual threads need Java 21 or later, this JVM is " + Runtime.version()
                    + "; BenchmarkMain forks this benchmark on the JDK given by --jdk21=PATH", ex);
        }
        catch (Throwable ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Benchmark
    public int getThenUpdate64() throws InterruptedException, ExecutionException {
        int first = this.round++ * THREADS * ROUNDS;
        List<Future<?>> done = new ArrayList<>(THREADS);
        for (int thread = 0; thread < THREADS; thread++) {
            int start = first + thread * ROUNDS;
            done.add(this.executor.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    long id = 1 + (start + i) % BenchDatabase.POSTS;
                    this.workload.getThenUpdate(id, "Title " + (start + i));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        return THREADS * ROUNDS;
    }

}
