package io.schemaspring.benchmarks;

import io.schemaspring.benchmarks.casting.Order;
import io.schemaspring.benchmarks.casting.OrderDto;
import io.schemaspring.benchmarks.casting.OrderLine;
import io.schemaspring.changeset.Bounds;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.Length;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
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
 * Casting one order payload of 10, 100 or 1,000 fields (1, 10 or 100 lines of 10 fields):
 * a changeset with {@code castEmbed} against Jackson binding plus Bean Validation with
 * {@code @Valid}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CastingScalingBenchmark {

    @Param({ "jacksonBeanValidation", "schemaChangeset" })
    public String impl;

    @Param({ "10", "100", "1000" })
    public int fields;

    private Map<String, Object> payload;

    private JsonMapper jsonMapper;

    private Validator validator;

    @Setup
    public void payload() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < this.fields / OrderLine.FIELDS.size(); i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", "SKU-" + (10_000 + i));
            line.put("name", "Article number " + i);
            line.put("quantity", Integer.toString(1 + i % 9));
            line.put("price", "19.99");
            line.put("discount", "0.05");
            line.put("gift", i % 2 == 0 ? "true" : "false");
            line.put("shipOn", "2026-12-0" + (1 + i % 9));
            line.put("warehouse", Long.toString(100 + i % 7));
            line.put("note", "Leave at the door " + i);
            line.put("token", new java.util.UUID(i, 42L * i).toString());
            lines.add(line);
        }
        this.payload = Map.of("lines", lines);
        this.jsonMapper = JsonMapper.builder().build();
        this.validator = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
        if (!castValid()) {
            throw new IllegalStateException(this.impl + " refused a valid order of " + this.fields + " fields");
        }
    }

    @Benchmark
    public boolean castOrder() {
        return castValid();
    }

    private boolean castValid() {
        if (this.impl.equals("schemaChangeset")) {
            Changeset<Order> order = Changeset.cast(new Order(), this.payload, List.of())
                .castEmbed("lines",
                        (OrderLine line, Map<String, Object> params) -> Changeset.cast(line, params, OrderLine.FIELDS)
                            .validateRequired("sku", "quantity")
                            .validateNumber("quantity", Bounds.greaterThanOrEqualTo(1).andLessThanOrEqualTo(1000))
                            .validateLength("note", Length.max(200)))
                .validateRequired("lines");
            return order.valid() && order.applyChanges().lines.size() == this.fields / OrderLine.FIELDS.size();
        }
        OrderDto order = this.jsonMapper.convertValue(this.payload, OrderDto.class);
        return this.validator.validate(order).isEmpty() && order.lines.size() == this.fields / OrderLine.FIELDS.size();
    }

}
