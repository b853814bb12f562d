package io.schemaspring.benchmarks.sdj;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("bench_tags")
public class JTag {

    @Id
    public Long id;

    public String name;

}
