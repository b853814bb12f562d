package io.schemaspring.benchmarks.sdj;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("bench_events")
public class JEvent {

    @Id
    public Long id;

    public String name;

    public int amount;

}
