package io.schemaspring.benchmarks.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "bench_events")
public class EEvent {

    @Id
    public Long id;

    public String name;

    public int amount;

}
