package io.schemaspring.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and prints one table: the median and mean time per operation with
 * the 99.9% error, the ratios of medians against JdbcTemplate with a hand-written
 * RowMapper (the baseline) and hand-written JDBC (the floor), allocations per operation;
 * then the heap each layer kept while streaming, the statements each layer sends per
 * preload, and the scaling table, drawn as a log-log chart.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar          # full: 2 forks, 3 warm-up and 5 measured 1 s iterations, -prof gc
 * java -jar benchmarks/target/benchmarks.jar quick    # smoke check that every benchmark runs
 * </pre>
 *
 * Options: {@code --include=REGEX} selects benchmarks, {@code --impl=jdbcTemplate,schema}
 * the data layers, {@code --db=h2,postgres,mariadb} the databases (default: H2, plus
 * PostgreSQL and MariaDB when reachable in a full run), {@code --forks=N} the forks of a
 * full run, {@code --jdk21=PATH} the JDK the virtual-thread benchmark forks on,
 * {@code --chart=FILE} where the scaling chart goes.
 */
public final class BenchmarkMain {

    static final String ALL = "io\\.schemaspring\\.benchmarks\\..*Benchmark.*";

    private static final String SCALING = ".*\\.(Scaling|CastingScaling)Benchmark\\..*";

    /**
     * Every benchmark outside the scaling classes (JMH ORs includes, so the scaling run
     * narrows by exclusion).
     */
    private static final String NOT_SCALING = "^(?!.*\\.(Scaling|CastingScaling)Benchmark\\.).*";

    private static final String VIRTUAL_THREADS = ".*\\.VirtualThreadsBenchmark\\..*";

    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = List.of(args).contains("quick");
        String include = option(args, "--include", ALL);
        List<String> dbs = List.of(option(args, "--db", defaultDatabases(quick)).split(","));
        deleteHeapPeaks();
        List<RunResult> results = new ArrayList<>();
        List<RunResult> scaling = new ArrayList<>();
        List<RunnerException> failures = new ArrayList<>();
        boolean ran = run(options(args, quick).include(include)
            .exclude(SCALING)
            .exclude(VIRTUAL_THREADS)
            .param("db", dbs.toArray(String[]::new)), results, failures);
        ChainedOptionsBuilder scalingOptions = options(args, quick).include(include)
            .exclude(NOT_SCALING)
            .param("db", dbs.toArray(String[]::new));
        if (quick) {
            scalingOptions.param("size", "1000");
        }
        else {
            scalingOptions.forks(1).warmupIterations(2).measurementIterations(3);
        }
        ran |= run(scalingOptions, scaling, failures);
        String virtualThreadsNote = "";
        if (selects(include, "VirtualThreadsBenchmark.getThenUpdate64")) {
            Optional<Path> jdk = jdk21(args);
            if (jdk.isEmpty() || !BenchDatabase.postgresReachable()) {
                virtualThreadsNote = "VirtualThreadsBenchmark skipped: it needs "
                        + (jdk.isEmpty() ? "a JDK 21+ (--jdk21=PATH)" : "PostgreSQL at 127.0.0.1:5432");
            }
            else {
                ChainedOptionsBuilder options = options(args, quick).include(VIRTUAL_THREADS)
                    .param("db", "postgres")
                    .jvm(jdk.get().toString());
                if (quick) {
                    options.forks(1);
                }
                ran |= run(options, results, failures);
            }
        }
        if (!ran && failures.isEmpty()) {
            throw new IllegalArgumentException("--include=" + include + " selects no benchmark");
        }
        System.out.println();
        System.out.println(table(results));
        System.out.println(virtualThreadsNote);
        String peaks = heapPeaks();
        if (!peaks.isEmpty()) {
            System.out.println(peaks);
        }
        if (selects(include, "DataLayerBenchmark.preloadHasMany")) {
            System.out.println(statements(StatementCounts.measure(dbs)));
        }
        if (!scaling.isEmpty()) {
            System.out.println(ScalingReport.table(scaling));
            Path chart = Path.of(option(args, "--chart",
                    quick ? Path.of(System.getProperty("java.io.tmpdir"), "scaling-quick.png").toString()
                            : Files.isDirectory(Path.of("benchmarks")) ? "benchmarks/scaling.png" : "scaling.png"));
            ScalingChart.write(ScalingReport.panels(scaling), chart);
            System.out.println("Scaling chart written to " + chart.toAbsolutePath());
            if (selects(include, "ScalingBenchmark.preload")) {
                System.out.println(ScalingReport.statements(
                        StatementCounts.measureScaling(dbs, quick ? List.of(1000) : List.of(1000, 10_000, 100_000))));
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        System.out.println(quick ? "Quick mode: every benchmark executed (timings are not meaningful)." : "");
    }

    /**
     * Runs what the options select into {@code results}, answering whether anything was
     * selected; a failure is kept for the end, so that the runs before it are still
     * reported.
     */
    private static boolean run(ChainedOptionsBuilder options, List<RunResult> results, List<RunnerException> failures) {
        try {
            results.addAll(new Runner(options.build()).run());
            return true;
        }
        catch (NoBenchmarksException ex) {
            return false;
        }
        catch (RunnerException ex) {
            failures.add(ex);
            return true;
        }
    }

    private static String defaultDatabases(boolean quick) {
        if (quick) {
            return "h2";
        }
        StringBuilder dbs = new StringBuilder("h2");
        if (BenchDatabase.postgresReachable()) {
            dbs.append(",postgres");
        }
        if (BenchDatabase.mariadbReachable()) {
            dbs.append(",mariadb");
        }
        return dbs.toString();
    }

    private static ChainedOptionsBuilder options(String[] args, boolean quick) {
        ChainedOptionsBuilder options = new OptionsBuilder().shouldFailOnError(true);
        String impls = option(args, "--impl", null);
        if (impls != null) {
            options.param("impl", impls.split(","));
        }
        String forks = option(args, "--forks", null);
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        }
        else {
            options.forks(forks == null ? 2 : Integer.parseInt(forks))
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(5)
                .measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class);
        }
        return options;
    }

    /**
     * Whether the pattern selects one of these benchmarks (class.method), as JMH matches
     * it.
     */
    static boolean selects(String include, String... benchmarks) {
        Pattern pattern = Pattern.compile(include);
        for (String benchmark : benchmarks) {
            if (pattern.matcher("io.schemaspring.benchmarks." + benchmark).find()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<Path> jdk21(String[] args) {
        String given = option(args, "--jdk21", null);
        if (given != null) {
            return Optional.of(Path.of(given).resolve("bin/java"));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        return Files.isExecutable(TEMURIN_25) ? Optional.of(TEMURIN_25) : Optional.empty();
    }

    private static void deleteHeapPeaks() throws IOException {
        if (Files.isDirectory(StreamingBenchmark.PEAKS)) {
            try (Stream<Path> files = Files.list(StreamingBenchmark.PEAKS)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * The most heap each streaming pass kept reachable, median and maximum over the
     * measured passes.
     */
    static String heapPeaks() throws IOException {
        if (!Files.isDirectory(StreamingBenchmark.PEAKS)) {
            return "";
        }
        try (Stream<Path> files = Files.list(StreamingBenchmark.PEAKS)) {
            if (files.findAny().isEmpty()) {
                return "";
            }
        }
        StringBuilder out = new StringBuilder(
                "Streaming 1,000,000 rows, heap in use after a collection, at its most during a pass "
                        + "(MB above the heap in use before it; median / max of the measured passes):\n");
        out.append("| impl [db] | median MB | max MB | passes |\n|---|---:|---:|---:|\n");
        try (Stream<Path> files = Files.list(StreamingBenchmark.PEAKS)) {
            for (Path file : files.sorted().toList()) {
                List<Long> peaks = Files.readAllLines(file).stream().map(Long::parseLong).sorted().toList();
                if (peaks.isEmpty()) {
                    continue;
                }
                String name = file.getFileName().toString();
                int dash = name.lastIndexOf('-');
                out.append(String.format(Locale.ROOT, "| %s [%s] | %s | %s | %d |%n", name.substring(0, dash),
                        name.substring(dash + 1), megabytes(peaks.get(peaks.size() / 2)),
                        megabytes(peaks.get(peaks.size() - 1)), peaks.size()));
            }
        }
        return out.toString();
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "no GC" : String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static String option(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return fallback;
    }

    static String table(Collection<RunResult> results) {
        Map<String, Map<String, RunResult>> byWorkload = new LinkedHashMap<>();
        results.stream().sorted(Comparator.comparing(r -> r.getParams().getBenchmark())).forEach(result -> {
            String benchmark = result.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String db = result.getParams().getParam("db");
            String key = name + (db == null ? "" : " [" + db + "]");
            byWorkload.computeIfAbsent(key, k -> new LinkedHashMap<>())
                .put(result.getParams().getParam("impl"), result);
        });
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| %-30s | %-22s | %12s | %12s | %10s | %-5s | %11s | %8s | %12s |%n",
                "workload", "impl", "median", "mean", "error", "unit", "vs template", "vs jdbc", "alloc B/op"));
        out.append("|")
            .append("-".repeat(32))
            .append("|")
            .append("-".repeat(24))
            .append("|")
            .append("-".repeat(14))
            .append("|")
            .append("-".repeat(14))
            .append("|")
            .append("-".repeat(12))
            .append("|")
            .append("-".repeat(7))
            .append("|")
            .append("-".repeat(13))
            .append("|")
            .append("-".repeat(10))
            .append("|")
            .append("-".repeat(14))
            .append("|\n");
        byWorkload.forEach((workload, impls) -> {
            Double template = median(impls.get("jdbcTemplate"));
            Double jdbc = median(impls.get("jdbc"));
            Double jackson = median(impls.get("jacksonBeanValidation"));
            impls.forEach((impl, result) -> {
                Result<?> primary = result.getPrimaryResult();
                double median = median(result);
                Double baseline = template != null ? template : jackson;
                out.append(String.format(Locale.ROOT,
                        "| %-30s | %-22s | %12.3f | %12.3f | %10.3f | %-5s | %11s | %8s | %12s |%n", workload, impl,
                        median, primary.getScore(), primary.getScoreError(), primary.getScoreUnit().replace("/op", ""),
                        ratio(median, baseline), ratio(median, jdbc), allocation(result)));
            });
        });
        return out.toString();
    }

    /**
     * The median of the measured iterations (over all forks); the ratios compare medians.
     */
    private static Double median(RunResult result) {
        return result == null ? null : result.getPrimaryResult().getStatistics().getPercentile(50);
    }

    private static String ratio(double score, Double baseline) {
        return baseline == null || baseline == 0 ? "" : String.format(Locale.ROOT, "%.2fx", score / baseline);
    }

    private static String allocation(RunResult result) {
        return result.getSecondaryResults()
            .entrySet()
            .stream()
            .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
            .map(entry -> String.format(Locale.ROOT, "%.0f", entry.getValue().getScore()))
            .findFirst()
            .orElse("");
    }

    static String statements(List<StatementCounts.Row> rows) {
        StringBuilder out = new StringBuilder("\nStatements per preload (10 parents / 100 parents):\n");
        out.append(String.format(Locale.ROOT, "| %-8s | %-16s | %-18s | %-18s |%n", "db", "impl", "has-many",
                "many-to-many"));
        out.append("|----------|------------------|--------------------|--------------------|\n");
        for (StatementCounts.Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %-8s | %-16s | %-18s | %-18s |%n", row.db(), row.impl(),
                    row.hasMany10() + " / " + row.hasMany100(), row.manyToMany10() + " / " + row.manyToMany100()));
        }
        return out.toString();
    }

}
