package io.schemaspring.autoconfigure;

import org.springframework.jdbc.core.JdbcTemplate;

/** The tables of the {@code fixtures.replica} schemas, on the PostgreSQL primary. */
final class ScaleTables {

    private ScaleTables() {
    }

    static void create(JdbcTemplate primary) {
        drop(primary);
        primary.execute(talliesTable("scale_tallies"));
        primary.execute("CREATE VIEW scale_served_by AS SELECT 1::bigint AS id, pg_is_in_recovery() AS in_recovery");
    }

    /** The DDL of the {@code Tally} schema's table under this (qualified) name. */
    static String talliesTable(String name) {
        return "CREATE TABLE " + name + " (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE, hits integer NOT NULL, "
                + "lock_version integer NOT NULL)";
    }

    static void drop(JdbcTemplate primary) {
        primary.execute("DROP VIEW IF EXISTS scale_served_by");
        primary.execute("DROP TABLE IF EXISTS scale_tallies");
    }

}
