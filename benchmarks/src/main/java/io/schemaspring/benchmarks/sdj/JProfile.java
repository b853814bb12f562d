package io.schemaspring.benchmarks.sdj;

import io.schemaspring.benchmarks.plain.Profile;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("bench_profiles")
public class JProfile {

    @Id
    public Long id;

    public String name;

    public Profile.Address address;

}
