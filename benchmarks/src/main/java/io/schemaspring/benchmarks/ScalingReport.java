package io.schemaspring.benchmarks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;

/**
 * The scaling results per element (parent, row or field): a table and the panels of the
 * chart.
 */
final class ScalingReport {

    private ScalingReport() {
    }

    /**
     * One measured point: a workload on a database, a data layer, a size, time and
     * allocation per element.
     */
    record Point(String workload, String impl, int size, double microsPerElement, Double bytesPerElement) {
    }

    static List<Point> points(List<RunResult> results) {
        List<Point> points = new ArrayList<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            String db = result.getParams().getParam("db");
            String sizeParam = result.getParams().getParam("size");
            int size = Integer.parseInt(sizeParam != null ? sizeParam : result.getParams().getParam("fields"));
            String workload = method + (db == null ? " (per field)"
                    : " [" + db + "] (per " + (method.equals("preload") ? "parent" : "row") + ")");
            double median = result.getPrimaryResult().getStatistics().getPercentile(50);
            double micros = median * microsIn(result.getPrimaryResult().getScoreUnit());
            Double bytes = result.getSecondaryResults()
                .entrySet()
                .stream()
                .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                .map(e -> e.getValue().getScore() / size)
                .findFirst()
                .orElse(null);
            points.add(new Point(workload, result.getParams().getParam("impl"), size, micros / size, bytes));
        }
        points.sort(Comparator.comparing(Point::workload).thenComparing(Point::impl).thenComparingInt(Point::size));
        return points;
    }

    private static double microsIn(String unit) {
        String time = unit.replace("/op", "");
        return switch (time) {
            case "s" -> 1_000_000;
            case "ms" -> 1_000;
            case "us" -> 1;
            case "ns" -> 0.001;
            default -> throw new IllegalArgumentException("Unexpected unit " + unit);
        };
    }

    static String table(List<RunResult> results) {
        Map<String, Map<String, List<Point>>> grouped = new TreeMap<>();
        for (Point point : points(results)) {
            grouped.computeIfAbsent(point.workload(), k -> new TreeMap<>())
                .computeIfAbsent(point.impl(), k -> new ArrayList<>())
                .add(point);
        }
        StringBuilder out = new StringBuilder(
                "\nScaling: median time (us) and allocation (B) per element, by number of elements:\n");
        out.append("| workload | impl | sizes | us per element | B per element |\n|---|---|---|---|---|\n");
        grouped.forEach((workload, impls) -> impls.forEach((impl, points) -> {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", workload, impl,
                    join(points, p -> String.format(Locale.ROOT, "%,d", p.size())),
                    join(points, p -> format(p.microsPerElement())), join(points, p -> p.bytesPerElement() == null ? ""
                            : String.format(Locale.ROOT, "%.0f", p.bytesPerElement()))));
        }));
        return out.toString();
    }

    private static String join(List<Point> points, java.util.function.Function<Point, String> value) {
        return String.join(" / ", points.stream().map(value).toList());
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value)
                : value >= 1 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.3f", value);
    }

    static List<ScalingChart.Panel> panels(List<RunResult> results) {
        Map<String, Map<String, TreeMap<Integer, Double>>> byWorkload = new TreeMap<>();
        for (Point point : points(results)) {
            byWorkload.computeIfAbsent(point.workload(), k -> new TreeMap<>())
                .computeIfAbsent(point.impl(), k -> new TreeMap<>())
                .put(point.size(), point.microsPerElement());
        }
        List<ScalingChart.Panel> panels = new ArrayList<>();
        byWorkload.forEach((workload, lines) -> panels.add(new ScalingChart.Panel(workload + ", us",
                workload.contains("per field") ? "fields" : workload.contains("preload") ? "parents" : "rows", lines)));
        return panels;
    }

    static String statements(List<StatementCounts.ScalingRow> rows) {
        StringBuilder out = new StringBuilder(
                "\nStatements per preload of the scaling database, by number of parents:\n");
        out.append("| db | impl | parents | statements |\n|---|---|---|---|\n");
        for (StatementCounts.ScalingRow row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", row.db(), row.impl(),
                    String.join(" / ",
                            row.sizes().stream().map(size -> String.format(Locale.ROOT, "%,d", size)).toList()),
                    String.join(" / ", row.statements().stream().map(String::valueOf).toList())));
        }
        return out.toString();
    }

}
