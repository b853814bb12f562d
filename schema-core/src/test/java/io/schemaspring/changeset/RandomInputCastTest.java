package io.schemaspring.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsMany;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A property-based test: for thousands of generated inputs (seeded, so a failure is
 * reproducible from the printed seed), casting never throws and never changes a field that was
 * not permitted.
 */
class RandomInputCastTest {

    enum Level {
        LOW, HIGH
    }

    @Schema("targets")
    @Timestamps
    static class Target {
        Long id;
        Integer count;
        Long total;
        Double ratio;
        BigDecimal price;
        Boolean flag;
        boolean active;
        int retries;
        String name;
        UUID token;
        LocalDate day;
        LocalTime time;
        LocalDateTime moment;
        Instant at;
        Level level;
        List<Integer> numbers;
        List<String> words;
        Map<String, Object> settings;
        @Field(virtual = true)
        String note;
        @EmbedsOne(onReplace = OnReplace.UPDATE)
        Part part;
        @EmbedsMany(onReplace = OnReplace.DELETE)
        List<Part> parts;
        LocalDateTime insertedAt;
        LocalDateTime updatedAt;
    }

    @EmbeddedSchema
    static class Part {
        UUID id;
        String label;
        Integer size;
    }

    private static final List<String> FIELDS = List.of("id", "count", "total", "ratio", "price", "flag", "active", "retries",
            "name", "token", "day", "time", "moment", "at", "level", "numbers", "words", "settings", "note", "part", "parts",
            "insertedAt", "updatedAt", "class", "class.module.classLoader", "Class", "__proto__", "", "constructor");

    @Test
    void castingRandomInputNeverThrowsAndWritesOnlyPermittedFields() {
        long seed = 20261121L;
        Random random = new Random(seed);
        int withChanges = 0;
        int withErrors = 0;
        for (int run = 0; run < 5000; run++) {
            Map<String, Object> params = new LinkedHashMap<>();
            int size = random.nextInt(8);
            for (int i = 0; i < size; i++) {
                params.put(FIELDS.get(random.nextInt(FIELDS.size())), value(random, 0));
            }
            List<String> permitted = new ArrayList<>(List.of("count", "total", "ratio", "price", "flag", "active",
                    "retries", "name", "token", "day", "time", "moment", "at", "level", "numbers", "words", "settings",
                    "note"));
            java.util.Collections.shuffle(permitted, random);
            permitted = permitted.subList(0, random.nextInt(permitted.size() + 1));
            Set<String> allowed = new HashSet<>(permitted);
            allowed.add("part");
            allowed.add("parts");
            try {
                Changeset<Target> changeset = Changeset.cast(new Target(), params, permitted).castEmbed("part")
                        .castEmbed("parts").validateRequired(permitted.toArray(String[]::new));
                assertThat(allowed).as("seed %d run %d params %s", seed, run, params).containsAll(changeset.changes().keySet());
                for (FieldError error : changeset.errors()) {
                    assertThat(error.field().split("[.\\[]")[0]).as("seed %d run %d", seed, run).isIn(allowed);
                }
                withChanges += changeset.changes().isEmpty() ? 0 : 1;
                withErrors += changeset.errors().isEmpty() ? 0 : 1;
                Target applied = changeset.applyChanges();
                assertThat(applied.id).isNull();
                assertThat(applied.insertedAt).isNull();
            }
            catch (RuntimeException ex) {
                throw new AssertionError("casting threw for seed " + seed + " run " + run + " params " + params, ex);
            }
        }
        assertThat(withChanges).as("runs that cast some value").isGreaterThan(500);
        assertThat(withErrors).as("runs that refused some value").isGreaterThan(500);
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 9 : 12);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextDouble() * (random.nextBoolean() ? 1e308 : 1);
            case 5 -> new BigDecimal(random.nextInt()).movePointLeft(random.nextInt(40));
            case 6 -> string(random);
            case 7 -> new String[] {string(random), string(random)};
            case 8 -> List.of(string(random));
            case 9 -> {
                List<Object> list = new ArrayList<>();
                for (int i = 0; i < random.nextInt(4); i++) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
            default -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = 0; i < random.nextInt(4); i++) {
                    map.put(random.nextBoolean() ? FIELDS.get(random.nextInt(FIELDS.size())) : string(random),
                            value(random, depth + 1));
                }
                yield map;
            }
        };
    }

    private static String string(Random random) {
        String[] samples = {"", " ", "42", "-1", "4.2", "1e400", "NaN", "Infinity", "true", "0", "LOW", "low",
                "2026-02-30", "2026-02-28", "10:11:12", "25:61:00", "2026-01-02T03:04:05Z", "2026-01-02 03:04:05+14:00",
                "6f1e1a3c-0d6b-4a4e-9a77-1f6d1a2b3c4d", "zzzz", "9".repeat(50), "\u0000", "<script>", "😀"};
        return random.nextInt(4) == 0 ? Long.toString(random.nextLong(), 36) : samples[random.nextInt(samples.length)];
    }
}
