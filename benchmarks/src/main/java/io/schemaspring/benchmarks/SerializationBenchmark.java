package io.schemaspring.benchmarks;

import io.schemaspring.benchmarks.casting.Form;
import io.schemaspring.benchmarks.casting.FormDto;
import io.schemaspring.jackson.SchemaJacksonModule;
import io.schemaspring.metadata.SchemaRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writing 10,000 20-field structs as JSON: a schema through the starter's Jackson module
 * against the same fields in a plain bean, both with Jackson's bean serialization.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SerializationBenchmark {

    @Param({ "jacksonPlainBean", "schemaStruct" })
    public String impl;

    private final List<Object> values = new ArrayList<>();

    private JsonMapper jsonMapper;

    @Setup
    public void values() {
        CastingBenchmark payloads = new CastingBenchmark();
        payloads.payloads();
        SchemaRegistry registry = SchemaRegistry.builder().add(Form.class).build();
        this.jsonMapper = JsonMapper.builder().addModule(new SchemaJacksonModule(registry)).build();
        Class<?> type = this.impl.equals("schemaStruct") ? Form.class : FormDto.class;
        for (Map<String, Object> payload : payloads.payloads) {
            this.values.add(this.jsonMapper.convertValue(payload, type));
        }
    }

    @Benchmark
    public long serialize10000() {
        long length = 0;
        for (Object value : this.values) {
            length += this.jsonMapper.writeValueAsString(value).length();
        }
        return length;
    }

}
