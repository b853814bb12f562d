package io.schemaspring.benchmarks;

import java.util.List;
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
 * How cost grows with the work: preloading, reading and batch-inserting 1,000, 10,000 and
 * 100,000 posts, on a database of 100,000 posts with their comments
 * ({@link BenchDatabase#scaled()}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ScalingBenchmark {

    @Param({ "jdbcTemplate", "springDataJdbc", "jpa", "schema" })
    public String impl;

    @Param({ "h2" })
    public String db;

    @Param({ "1000", "10000", "100000" })
    public int size;

    private BenchDatabase database;

    private Workload workload;

    @Setup(Level.Trial)
    public void open() {
        this.database = BenchDatabase.open(this.db).scaled();
        this.workload = Workloads.create(this.impl, this.database.dataSource(), this.db);
    }

    @Setup(Level.Iteration)
    public void reset() {
        this.database.resetScaledWrites();
    }

    @TearDown(Level.Trial)
    public void close() {
        this.workload.close();
        this.database.close();
    }

    @Benchmark
    public List<?> preload() {
        return this.workload.postsWithComments(this.size);
    }

    @Benchmark
    public List<?> read() {
        return this.workload.postsUpTo(this.size);
    }

    @Benchmark
    public int insertAll() {
        return this.workload.insertAll(this.size);
    }

}
