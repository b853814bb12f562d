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
import org.openjdk.jmh.infra.BenchmarkParams;

/** Every data layer on the same fresh database per trial, doing the same work. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DataLayerBenchmark {

    @Param({ "jdbc", "jdbcTemplate", "springDataJdbc", "jpa", "schema" })
    public String impl;

    @Param({ "h2" })
    public String db;

    private BenchDatabase database;

    private Workload workload;

    private int counter;

    @Setup(Level.Trial)
    public void open(BenchmarkParams params) {
        this.database = BenchDatabase.open(this.db);
        this.workload = Workloads.create(this.impl, this.database.dataSource(), this.db);
        String benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        switch (benchmark) {
            case "derivedQuery" -> Workloads.checkDerivedQuery(this.workload, this.database.dataSource());
            case "joinWithAggregate" -> Workloads.checkCommentCounts(this.workload);
            case "upsert1000" -> Workloads.checkUpsert(this.workload, this.database);
            case "multiThreeSteps" -> Workloads.checkThreeSteps(this.workload, this.database);
            default -> {
            }
        }
    }

    @Setup(Level.Iteration)
    public void reset() {
        this.database.resetWrites();
    }

    @TearDown(Level.Trial)
    public void close() {
        this.workload.close();
        this.database.close();
    }

    private long nextId() {
        this.counter++;
        return 1 + (this.counter % BenchDatabase.POSTS);
    }

    @Benchmark
    public Object getById() {
        return this.workload.getById(nextId());
    }

    @Benchmark
    public List<?> allRows() {
        return this.workload.all();
    }

    @Benchmark
    public void insertOne() {
        this.workload.insertOne(this.counter++);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int insertAll10000() {
        return this.workload.insertAll(10_000);
    }

    @Benchmark
    public void updateOneField() {
        this.workload.updateTitle(nextId(), "Title " + this.counter);
    }

    @Benchmark
    public List<?> preloadHasMany() {
        return this.workload.postsWithComments(BenchDatabase.PARENTS);
    }

    @Benchmark
    public List<?> preloadManyToMany() {
        return this.workload.postsWithTags(BenchDatabase.PARENTS);
    }

    @Benchmark
    public Object jsonEmbedRoundTrip() {
        return this.workload.jsonRoundTrip(this.counter++);
    }

    @Benchmark
    public List<?> derivedQuery() {
        return this.workload.derivedQuery(BenchDatabase.DERIVED_AUTHOR, BenchDatabase.DERIVED_PREFIX);
    }

    @Benchmark
    public void upsert1000() {
        this.workload.upsertCounters(this.counter++);
    }

    @Benchmark
    public long multiThreeSteps() {
        return this.workload.threeSteps(this.counter++);
    }

    @Benchmark
    public List<PostCommentCount> joinWithAggregate() {
        return this.workload.commentCounts();
    }

}
