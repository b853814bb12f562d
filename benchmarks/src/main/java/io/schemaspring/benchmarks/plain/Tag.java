package io.schemaspring.benchmarks.plain;

public class Tag {

    public Long id;

    public String name;

}
