package io.schemaspring.benchmarks.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering one statement with the project's model ({@code own}) against Spring Data
 * Relational's {@code StatementBuilder} and {@code SqlRenderer} ({@code sdr}), model
 * built and rendered per operation, as on a miss of the statement cache:
 *
 * <ul>
 * <li>{@code renderById}: the primary-key read of 8 columns;
 * <li>{@code renderFiltered}: two AND-ed conditions, ORDER BY, LIMIT/OFFSET;
 * <li>{@code cachedFiltered}: what a cache hit costs (the shape key and the map lookup);
 * <li>{@code pages100}: 100 different pages of the filtered read through a cache that
 * starts empty: one miss for the own model (the page is bound), 100 for SDR (the page is
 * in the SQL).
 * </ul>
 *
 * {@code java -jar benchmarks/target/benchmarks.jar --include='.*RenderBenchmark.*' --db=h2,postgres,mariadb --forks=1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RenderBenchmark {

    @Param({ "own", "sdr" })
    public String impl;

    @Param({ "h2", "postgres", "mariadb" })
    public String db;

    private OwnRendering own;

    private SdrRendering sdr;

    private boolean useOwn;

    private final Map<Object, String> warmCache = new ConcurrentHashMap<>();

    private final Statements.Page page = new Statements.Page(20, 40);

    /**
     * The statement's identity, as {@code QueryCompiler}'s shape; SDR adds the page
     * values.
     */
    record Shape(Class<?> schema, @Nullable String prefix, List<Object> filters, List<Object> orders, boolean limit,
            boolean offset, long limitValue, long offsetValue) {
    }

    @Setup
    public void setUp() {
        this.useOwn = this.impl.equals("own");
        if (this.useOwn) {
            this.own = new OwnRendering(java.util.Objects.requireNonNull(OwnRendering.dialect(this.db), this.db));
        }
        else {
            this.sdr = new SdrRendering(SdrRendering.dialect(this.db), false);
        }
        cached(this.warmCache, this.page);
    }

    @Benchmark
    public String renderById() {
        return this.useOwn ? this.own.byId(null) : this.sdr.byId(null);
    }

    @Benchmark
    public String renderFiltered() {
        return this.useOwn ? this.own.filtered(null) : this.sdr.filtered(null, this.page);
    }

    @Benchmark
    public String cachedFiltered() {
        return cached(this.warmCache, this.page);
    }

    @Benchmark
    public int pages100() {
        Map<Object, String> cache = new ConcurrentHashMap<>();
        int length = 0;
        for (int i = 0; i < 100; i++) {
            length += cached(cache, new Statements.Page(20, 20L * i)).length();
        }
        return length;
    }

    private String cached(Map<Object, String> cache, Statements.Page page) {
        List<Object> filters = new ArrayList<>(8);
        filters.add(Statements.FILTER_EQ);
        filters.add("EQ");
        filters.add(Statements.FILTER_GTE);
        filters.add("GTE");
        List<Object> orders = List.of(Statements.ORDER, "DESC");
        Shape shape = this.useOwn ? new Shape(Statements.class, null, filters, orders, true, true, 0, 0)
                : new Shape(Statements.class, null, filters, orders, true, true, page.limit(), page.offset());
        return cache.computeIfAbsent(shape,
                key -> this.useOwn ? this.own.filtered(null) : this.sdr.filtered(null, page));
    }

}
