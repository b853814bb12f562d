package io.schemaspring.changeset;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.Schema;
import io.schemaspring.type.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ecto.Type.cast translated, one assertion per accepted or refused input (the table of docs/changesets.md). */
class CastRulesTest {

    enum Color {
        RED, GREEN
    }

    @Schema("casts")
    static class Casts {
        Long id;
        Integer count = 7;
        Long big;
        Double ratio;
        BigDecimal price;
        Boolean flag;
        String name = "default";
        UUID token;
        LocalDate day;
        LocalTime time;
        @Field(type = FieldType.TIME_USEC)
        LocalTime preciseTime;
        LocalDateTime naive;
        @Field(type = FieldType.NAIVE_DATETIME_USEC)
        LocalDateTime naiveUsec;
        Instant utc;
        OffsetDateTime offset;
        Color color;
        List<Integer> numbers;
        List<String> labels;
        Map<String, Object> settings;
    }

    @Schema("tagged")
    static class Tagged {
        Long id;
        List<String> tags = new ArrayList<>();
        Map<String, Object> settings = new HashMap<>(Map.of("theme", "light"));
        byte[] digest = {1, 2};
    }

    private static Changeset<Casts> cast(String field, Object value) {
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put(field, value);
        return Changeset.cast(new Casts(), params, field);
    }

    private static Object ok(String field, Object value) {
        Changeset<Casts> changeset = cast(field, value);
        assertThat(changeset.errors()).as("errors casting %s into :%s", value, field).isEmpty();
        return changeset.getField(field);
    }

    private static void invalid(String field, Object value, String type) {
        Changeset<Casts> changeset = cast(field, value);
        assertThat(changeset.errors()).as("casting %s into :%s", value, field)
                .containsExactly(new FieldError(field, "is invalid", Map.of("type", type, "validation", "cast")));
        assertThat(changeset.changes()).isEmpty();
    }

    @Test
    void aNulInAStringListOrMapIsInvalidOnEveryDatabase() {
        assertThat(ok("name", "no nul")).isEqualTo("no nul");
        invalid("name", "a\u0000b", ":string");
        invalid("labels", List.of("ok", "a\u0000b"), "{:array, :string}");
        invalid("settings", Map.of("link", "a\u0000b"), ":map");
        invalid("settings", Map.of("a\u0000b", "key"), ":map");
    }

    @Test
    void integersFromIntegersAndIntegerStringsOnly() {
        assertThat(ok("count", 42)).isEqualTo(42);
        assertThat(ok("count", "42")).isEqualTo(42);
        assertThat(ok("count", "-3")).isEqualTo(-3);
        assertThat(ok("big", 9_000_000_000L)).isEqualTo(9_000_000_000L);
        invalid("count", "4.2", ":integer");
        invalid("count", 4.0, ":integer");
        invalid("count", "abc", ":integer");
        invalid("count", "99999999999", ":integer");
        invalid("big", "99999999999999999999", ":integer");
        invalid("count", true, ":integer");
    }

    @Test
    void floatsFromNumbersAndNumericStrings() {
        assertThat(ok("ratio", 1.5)).isEqualTo(1.5);
        assertThat(ok("ratio", 2)).isEqualTo(2.0);
        assertThat(ok("ratio", "2.5e2")).isEqualTo(250.0);
        invalid("ratio", "NaN", ":float");
        invalid("ratio", "Infinity", ":float");
        invalid("ratio", "1.5f", ":float");
        invalid("ratio", Double.NaN, ":float");
    }

    @Test
    void decimalsWithoutNaNOrInfinity() {
        assertThat(ok("price", "12.30")).isEqualTo(new BigDecimal("12.30"));
        assertThat(ok("price", 12)).isEqualTo(new BigDecimal("12"));
        assertThat(ok("price", new BigDecimal("0.1"))).isEqualTo(new BigDecimal("0.1"));
        invalid("price", "NaN", ":decimal");
        invalid("price", Double.POSITIVE_INFINITY, ":decimal");
        invalid("price", "1,5", ":decimal");
    }

    @Test
    void booleansFromBooleansAndTheirStrings() {
        assertThat(ok("flag", true)).isEqualTo(true);
        assertThat(ok("flag", "true")).isEqualTo(true);
        assertThat(ok("flag", "1")).isEqualTo(true);
        assertThat(ok("flag", "false")).isEqualTo(false);
        assertThat(ok("flag", "0")).isEqualTo(false);
        invalid("flag", "yes", ":boolean");
        invalid("flag", 1, ":boolean");
    }

    @Test
    void stringsFromStringsOnlyAndBlankStringsBecomeTheDefault() {
        assertThat(ok("name", "jose")).isEqualTo("jose");
        invalid("name", 42, ":string");
        Changeset<Casts> blank = cast("name", "   ");
        assertThat(blank.changes()).as("the default equals the current value: no change").isEmpty();
        assertThat(blank.getField("name")).isEqualTo("default");
        Casts changed = new Casts();
        changed.name = "other";
        assertThat(Changeset.cast(changed, Map.of("name", ""), "name").changes()).isEqualTo(Map.of("name", "default"));
        assertThat(ok("count", " ")).isEqualTo(7);
    }

    @Test
    void stringsWithAnUnpairedSurrogateAreInvalidAsTheyHaveNoUtf8Form() {
        assertThat(ok("name", "smile \ud83d\ude00")).isEqualTo("smile \ud83d\ude00");
        invalid("name", "\ud800", ":string");
        invalid("name", "a\udc00b", ":string");
        invalid("name", "\ude00\ud83d", ":string");
        invalid("name", "end \ud83d", ":string");
        invalid("labels", List.of("fine", "\ud800"), "{:array, :string}");
        assertThat(ok("labels", List.of("fine", "\ud83d\ude00"))).isEqualTo(List.of("fine", "\ud83d\ude00"));
        invalid("settings", Map.of("title", "\ud800"), ":map");
        invalid("settings", Map.of("\udfff", "key"), ":map");
        invalid("settings", Map.of("nested", List.of(Map.of("deep", "\udbff"))), ":map");
    }

    @Test
    void blankInputGivesEachStructItsOwnCopyOfAMutableDefault() {
        Tagged first = castBlankTags();
        Tagged second = castBlankTags();
        assertThat(first.tags).isEqualTo(List.of()).isNotSameAs(second.tags);
        assertThat(first.settings).isEqualTo(Map.of("theme", "light")).isNotSameAs(second.settings);
        assertThat(first.digest).containsExactly(1, 2).isNotSameAs(second.digest);

        first.tags.add("mutated");
        first.settings.put("theme", "dark");
        first.digest[0] = 9;
        assertThat(second.tags).isEmpty();
        assertThat(second.settings).isEqualTo(Map.of("theme", "light"));
        assertThat(second.digest).containsExactly(1, 2);
        Tagged third = castBlankTags();
        assertThat(third.tags).isEmpty();
        assertThat(third.settings).isEqualTo(Map.of("theme", "light"));
        assertThat(third.digest).containsExactly(1, 2);
    }

    /** A struct whose fields differ from their defaults, cast with blank input: the changes are the defaults. */
    private static Tagged castBlankTags() {
        Tagged loaded = new Tagged();
        loaded.tags = List.of("loaded");
        loaded.settings = Map.of("theme", "loaded");
        loaded.digest = new byte[] {7};
        Changeset<Tagged> changeset = Changeset.cast(loaded, Map.of("tags", " ", "settings", "", "digest", " "),
                "tags", "settings", "digest");
        assertThat(changeset.errors()).isEmpty();
        assertThat(changeset.changes()).containsOnlyKeys("tags", "settings", "digest");
        return changeset.applyChanges();
    }

    @Test
    void uuidsAreValidated() {
        assertThat(ok("token", "6f1e1a3c-0d6b-4a4e-9a77-1f6d1a2b3c4d"))
                .isEqualTo(UUID.fromString("6f1e1a3c-0d6b-4a4e-9a77-1f6d1a2b3c4d"));
        invalid("token", "1-1-1-1-1", ":binary_id");
        invalid("token", "6f1e1a3c0d6b4a4e9a771f6d1a2b3c4d", ":binary_id");
    }

    @Test
    void datesAndTimesFromIsoStringsAndMapsOfParts() {
        assertThat(ok("day", "2026-02-28")).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(ok("day", Map.of("year", "2026", "month", "2", "day", "28"))).isEqualTo(LocalDate.of(2026, 2, 28));
        invalid("day", "2026-02-30", ":date");
        invalid("day", "28/02/2026", ":date");
        assertThat(ok("time", "10:11:12.345")).isEqualTo(LocalTime.of(10, 11, 12));
        assertThat(ok("preciseTime", "10:11:12.3456789")).isEqualTo(LocalTime.of(10, 11, 12, 345_678_000));
        assertThat(ok("time", Map.of("hour", 10, "minute", 11))).isEqualTo(LocalTime.of(10, 11));
        invalid("time", "25:00:00", ":time");
    }

    @Test
    void datesTakeTheDatePartOfADatetimeAndDropItsOffset() {
        assertThat(ok("day", "2015-12-31T00:00:00")).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(ok("day", "2015-12-31 23:59:59.999")).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(ok("day", "2015-12-31T23:00:00-05:00")).isEqualTo(LocalDate.of(2015, 12, 31));
        assertThat(ok("day", "2016-02-29")).isEqualTo(LocalDate.of(2016, 2, 29));
        invalid("day", "2015-02-29", ":date");
        invalid("day", "2015-02-30T00:00:00", ":date");
        invalid("day", "2015-12-31T", ":date");
    }

    @Test
    void dateTimesRefuseImpossibleDatesInsteadOfMovingThem() {
        invalid("naive", "2015-02-30T10:00:00", ":naive_datetime");
        invalid("naiveUsec", "2015-04-31 10:00:00", ":naive_datetime_usec");
        invalid("utc", "2015-02-29T10:00:00Z", ":utc_datetime");
        invalid("offset", "2015-02-30T10:00:00+02:00", ":utc_datetime");
        invalid("naive", "2015-01-23T24:00:00", ":naive_datetime");
        invalid("preciseTime", "10:60:00", ":time_usec");
        assertThat(ok("naive", "2016-02-29T10:00:00")).isEqualTo(LocalDateTime.of(2016, 2, 29, 10, 0));
    }

    @Test
    void dateTimesTakeExactlyOneSeparatorTOrSpace() {
        invalid("naive", "2015-01-23T 23:50:07", ":naive_datetime");
        invalid("naive", "2015-01-23 T23:50:07", ":naive_datetime");
        invalid("naive", "2015-01-2323:50:07", ":naive_datetime");
        invalid("naive", "2015-01-23  23:50:07", ":naive_datetime");
        invalid("utc", "2015-01-23T 23:50:07Z", ":utc_datetime");
        invalid("day", "2015-01-23T 23:50:07", ":date");
        assertThat(ok("naive", "2015-01-23 23:50:07")).isEqualTo(LocalDateTime.of(2015, 1, 23, 23, 50, 7));
        assertThat(ok("utc", "2015-01-23T23:50:07Z")).isEqualTo(Instant.parse("2015-01-23T23:50:07Z"));
    }

    @Test
    void naiveDatetimesAreTruncatedToSecondsUnlessUsec() {
        assertThat(ok("naive", "2026-01-02T03:04:05.999")).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(ok("naive", "2026-01-02 03:04:05")).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
        assertThat(ok("naiveUsec", "2026-01-02T03:04:05.1234567")).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000));
        assertThat(ok("naive", Map.of("year", 2026, "month", 1, "day", 2, "hour", 3, "minute", 4)))
                .isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4));
        invalid("naive", "2026-01-02", ":naive_datetime");
    }

    @Test
    void utcDatetimesConvertOffsetsToUtc() {
        assertThat(ok("utc", "2026-01-02T03:04:05+02:00")).isEqualTo(Instant.parse("2026-01-02T01:04:05Z"));
        assertThat(ok("utc", "2026-01-02T03:04:05.9Z")).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(ok("utc", "2026-01-02 03:04:05")).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
        assertThat(ok("offset", "2026-01-02T03:04:05-01:00"))
                .isEqualTo(OffsetDateTime.of(2026, 1, 2, 4, 4, 5, 0, ZoneOffset.UTC));
        invalid("utc", "yesterday", ":utc_datetime");
    }

    @Test
    void enumsByConstantName() {
        assertThat(ok("color", "RED")).isEqualTo(Color.RED);
        invalid("color", "red", "#Ecto.Enum<values: [:RED, :GREEN]>");
        invalid("color", "BLUE", "#Ecto.Enum<values: [:RED, :GREEN]>");
    }

    @Test
    void arraysFromListsOrRepeatedFormParameters() {
        assertThat(ok("numbers", List.of(1, "2"))).isEqualTo(List.of(1, 2));
        assertThat(ok("numbers", new String[] {"3", "4"})).isEqualTo(List.of(3, 4));
        invalid("numbers", List.of(1, "x"), "{:array, :integer}");
        invalid("numbers", "1,2", "{:array, :integer}");
        invalid("count", new String[] {"1", "2"}, ":integer");
        assertThat(ok("count", new String[] {"5"})).isEqualTo(5);
    }

    @Test
    void mapsFromObjectsOnly() {
        assertThat(ok("settings", Map.of("theme", "dark"))).isEqualTo(Map.of("theme", "dark"));
        invalid("settings", "theme=dark", ":map");
        invalid("settings", List.of(), ":map");
    }
}
