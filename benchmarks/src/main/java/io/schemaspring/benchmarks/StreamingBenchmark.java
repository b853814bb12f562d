package io.schemaspring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Streaming 1,000,000 rows through a cursor, one measured pass per iteration; beside the
 * time, the most heap each pass kept reachable ({@link HeapWatch}), written where
 * {@link BenchmarkMain} reads it. A forked trial has a 32 MB young generation, so that
 * every pass sees collections to watch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@Fork(jvmArgsAppend = { "-Xmx512m", "-Xmn32m" })
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StreamingBenchmark {

    /**
     * Where each pass's peak heap goes, one file per data layer and database, one line
     * per pass.
     */
    static final Path PEAKS = Path.of(System.getProperty("java.io.tmpdir"), "schema-benchmarks-heap");

    @Param({ "jdbc", "jdbcTemplate", "springDataJdbc", "jpa", "schema" })
    public String impl;

    @Param({ "h2" })
    public String db;

    private BenchDatabase database;

    private Workload workload;

    private HeapWatch watch;

    @Setup(Level.Trial)
    public void open() {
        this.database = BenchDatabase.open(this.db).withEvents();
        this.workload = Workloads.createForStreaming(this.impl, this.database.dataSource(), this.db);
        long sum = this.workload.streamEvents();
        if (sum != BenchDatabase.EVENTS_AMOUNT) {
            throw new IllegalStateException(
                    this.impl + " streamed amounts summing to " + sum + ", not " + BenchDatabase.EVENTS_AMOUNT);
        }
    }

    @Setup(Level.Iteration)
    public void watch() {
        this.watch = HeapWatch.start();
    }

    @TearDown(Level.Iteration)
    public void record(IterationParams iteration) {
        long peak = this.watch.peakAboveBaseline();
        this.watch.close();
        if (iteration.getType() != IterationType.MEASUREMENT) {
            return;
        }
        try {
            Files.createDirectories(PEAKS);
            Files.writeString(PEAKS.resolve(this.impl + "-" + this.db), peak + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        this.workload.close();
        this.database.close();
    }

    @Benchmark
    public long stream1000000() {
        return this.workload.streamEvents();
    }

}
