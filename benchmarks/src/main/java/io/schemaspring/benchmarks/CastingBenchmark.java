package io.schemaspring.benchmarks;

import io.schemaspring.benchmarks.casting.Form;
import io.schemaspring.benchmarks.casting.FormDto;
import io.schemaspring.changeset.Bounds;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.changeset.Length;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * Casting 10,000 form payloads of 20 string fields: a changeset against Jackson binding
 * plus Bean Validation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CastingBenchmark {

    static final List<String> FIELDS = List.of("name", "email", "age", "street", "city", "zip", "country", "phone",
            "quantity", "floor", "rooms", "customerNumber", "referrer", "newsletter", "terms", "price", "discount",
            "birthday", "deliverAt", "token");

    @Param({ "jacksonBeanValidation", "schemaChangeset" })
    public String impl;

    final List<Map<String, Object>> payloads = new ArrayList<>();

    private JsonMapper jsonMapper;

    private Validator validator;

    @Setup
    public void payloads() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("name", "Customer " + i);
            payload.put("email", "customer" + i + "@example.com");
            payload.put("age", Integer.toString(random.nextInt(100)));
            payload.put("street", "Main Street " + i);
            payload.put("city", "Krakow");
            payload.put("zip", "30-001");
            payload.put("country", "PL");
            payload.put("phone", "+48 600 000 " + (i % 1000));
            payload.put("quantity", Integer.toString(random.nextInt(10)));
            payload.put("floor", Integer.toString(random.nextInt(20)));
            payload.put("rooms", Integer.toString(1 + random.nextInt(5)));
            payload.put("customerNumber", Long.toString(1_000_000L + i));
            payload.put("referrer", Long.toString(random.nextInt(1000)));
            payload.put("newsletter", random.nextBoolean() ? "true" : "false");
            payload.put("terms", "true");
            payload.put("price", "199.99");
            payload.put("discount", "0.15");
            payload.put("birthday", "1990-05-17");
            payload.put("deliverAt", "2026-12-24T10:00:00");
            payload.put("token", new java.util.UUID(random.nextLong(), random.nextLong()).toString());
            this.payloads.add(payload);
        }
        this.jsonMapper = JsonMapper.builder().build();
        this.validator = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();
    }

    @Benchmark
    public int cast10000() {
        int valid = 0;
        if (this.impl.equals("schemaChangeset")) {
            for (Map<String, Object> payload : this.payloads) {
                Changeset<Form> changeset = Changeset.cast(new Form(), payload, FIELDS)
                    .validateRequired("name", "email", "age")
                    .validateLength("name", Length.max(100))
                    .validateNumber("age", Bounds.greaterThanOrEqualTo(0).andLessThanOrEqualTo(150));
                if (changeset.valid() && changeset.applyChanges() != null) {
                    valid++;
                }
            }
        }
        else {
            for (Map<String, Object> payload : this.payloads) {
                FormDto form = this.jsonMapper.convertValue(payload, FormDto.class);
                if (this.validator.validate(form).isEmpty()) {
                    valid++;
                }
            }
        }
        return valid;
    }

}
