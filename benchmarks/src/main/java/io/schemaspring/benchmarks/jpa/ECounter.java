package io.schemaspring.benchmarks.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A counter keyed by its name, an assigned id: {@code saveAll} merges it (a select, then
 * an insert or an update).
 */
@Entity
@Table(name = "bench_counters")
public class ECounter {

    @Id
    public String name;

    public Integer hits;

    protected ECounter() {
    }

    public ECounter(String name, Integer hits) {
        this.name = name;
        this.hits = hits;
    }

}
