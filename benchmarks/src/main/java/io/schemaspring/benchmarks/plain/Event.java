package io.schemaspring.benchmarks.plain;

/** One of the 1,000,000 streamed events. */
public class Event {

    public long id;

    public String name;

    public int amount;

}
