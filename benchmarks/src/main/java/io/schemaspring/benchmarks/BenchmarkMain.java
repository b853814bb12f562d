package io.schemaspring.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and prints one table: the median and mean time per operation with the
 * 99.9% error, the ratios of medians against JdbcTemplate with a hand-written RowMapper (the
 * baseline) and hand-written JDBC (the floor), allocations per operation, then the statements
 * each layer sends per preload.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar          # full: 2 forks, 3 warm-up and 5 measured 1 s iterations, -prof gc
 * java -jar benchmarks/target/benchmarks.jar quick    # smoke check that every benchmark runs (well under 2 minutes)
 * </pre>
 *
 * Options: {@code --include=REGEX} selects benchmarks, {@code --impl=jdbcTemplate,schema} the data
 * layers, {@code --db=h2,postgres} the databases (default: H2, plus PostgreSQL when reachable in a
 * full run), {@code --forks=N} the forks of a full run.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("quick");
        String include = option(args, "--include", "io\\.schemaspring\\.benchmarks\\..*Benchmark.*");
        List<String> dbs = new ArrayList<>(List.of(option(args, "--db", quick || !BenchDatabase.postgresReachable() ? "h2"
                : "h2,postgres").split(",")));
        ChainedOptionsBuilder options = new OptionsBuilder().include(include).param("db", dbs.toArray(String[]::new))
                .shouldFailOnError(true);
        String impls = option(args, "--impl", null);
        if (impls != null) {
            options.param("impl", impls.split(","));
        }
        String forks = option(args, "--forks", null);
        if (quick) {
            options.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(100));
        }
        else {
            options.forks(forks == null ? 2 : Integer.parseInt(forks)).warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1)).addProfiler(GCProfiler.class);
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        System.out.println();
        System.out.println(table(results));
        if (include.contains("DataLayer") || include.startsWith("io\\.schemaspring\\.benchmarks\\..*")) {
            System.out.println(statements(StatementCounts.measure(dbs)));
        }
        System.out.println(quick ? "Quick mode: every benchmark executed (timings are not meaningful)." : "");
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
            byWorkload.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(result.getParams().getParam("impl"), result);
        });
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "| %-30s | %-22s | %12s | %12s | %10s | %-5s | %11s | %8s | %12s |%n", "workload",
                "impl", "median", "mean", "error", "unit", "vs template", "vs jdbc", "alloc B/op"));
        out.append("|").append("-".repeat(32)).append("|").append("-".repeat(24)).append("|").append("-".repeat(14))
                .append("|").append("-".repeat(14)).append("|").append("-".repeat(12)).append("|").append("-".repeat(7))
                .append("|").append("-".repeat(13)).append("|").append("-".repeat(10)).append("|").append("-".repeat(14))
                .append("|\n");
        byWorkload.forEach((workload, impls) -> {
            Double template = median(impls.get("jdbcTemplate"));
            Double jdbc = median(impls.get("jdbc"));
            Double jackson = median(impls.get("jacksonBeanValidation"));
            impls.forEach((impl, result) -> {
                Result<?> primary = result.getPrimaryResult();
                double median = median(result);
                Double baseline = template != null ? template : jackson;
                out.append(String.format(Locale.ROOT, "| %-30s | %-22s | %12.3f | %12.3f | %10.3f | %-5s | %11s | %8s | %12s |%n",
                        workload, impl, median, primary.getScore(), primary.getScoreError(),
                        primary.getScoreUnit().replace("/op", ""), ratio(median, baseline), ratio(median, jdbc),
                        allocation(result)));
            });
        });
        return out.toString();
    }

    /** The median of the measured iterations (over all forks); the ratios compare medians. */
    private static Double median(RunResult result) {
        return result == null ? null : result.getPrimaryResult().getStatistics().getPercentile(50);
    }

    private static String ratio(double score, Double baseline) {
        return baseline == null || baseline == 0 ? "" : String.format(Locale.ROOT, "%.2fx", score / baseline);
    }

    private static String allocation(RunResult result) {
        return result.getSecondaryResults().entrySet().stream().filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
                .map(entry -> String.format(Locale.ROOT, "%.0f", entry.getValue().getScore())).findFirst().orElse("");
    }

    static String statements(List<StatementCounts.Row> rows) {
        StringBuilder out = new StringBuilder("\nStatements per preload (10 parents / 100 parents):\n");
        out.append(String.format(Locale.ROOT, "| %-8s | %-16s | %-18s | %-18s |%n", "db", "impl", "has-many", "many-to-many"));
        out.append("|----------|------------------|--------------------|--------------------|\n");
        for (StatementCounts.Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %-8s | %-16s | %-18s | %-18s |%n", row.db(), row.impl(),
                    row.hasMany10() + " / " + row.hasMany100(), row.manyToMany10() + " / " + row.manyToMany100()));
        }
        return out.toString();
    }
}
