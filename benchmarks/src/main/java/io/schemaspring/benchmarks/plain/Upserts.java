package io.schemaspring.benchmarks.plain;

/**
 * The hand-written upsert of a counter, in each database's own syntax (the one
 * schema-core renders too).
 */
final class Upserts {

    private Upserts() {
    }

    static String counter(String database) {
        return switch (database) {
            case "postgres" ->
                "INSERT INTO bench_counters (name, hits) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET hits = EXCLUDED.hits";
            case "mariadb" ->
                "INSERT INTO bench_counters (name, hits) VALUES (?, ?) ON DUPLICATE KEY UPDATE hits = VALUES(hits)";
            default -> "MERGE INTO bench_counters (name, hits) KEY (name) VALUES (?, ?)";
        };
    }

}
