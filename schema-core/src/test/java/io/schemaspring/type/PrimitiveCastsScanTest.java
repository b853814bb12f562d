package io.schemaspring.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanners that replaced regular expressions in casting accept exactly
 * what the expressions accepted, and the formatter-free date paths answer what the STRICT
 * formatter does.
 */
class PrimitiveCastsScanTest {

    private static final List<String> TEXTS = List.of("", "+", "-", "0", "7", "-7", "+7", "007", "12a", "a12", " 1",
            "1 ", "1.", ".5", "1.5", "-1.5", "+1.50", "1e5", "1E-5", "1e+5", "1e", "1e+", "1.5e3", "1.e3", "1..5", "١٢",
            "99999999999999999999", "-9223372036854775808", "9223372036854775808", "12-3", "1,5", "0x10", "NaN",
            "Infinity", "1_000");

    @Test
    void integerAndFloatScannersAcceptWhatTheRegularExpressionsAccepted() {
        Pattern integer = Pattern.compile("[+-]?\\d+");
        Pattern floating = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
        for (String text : TEXTS) {
            assertThat(PrimitiveCasts.isIntegerText(text)).as("integer " + text)
                .isEqualTo(integer.matcher(text).matches());
            assertThat(PrimitiveCasts.isFloatText(text)).as("float " + text)
                .isEqualTo(floating.matcher(text).matches());
        }
    }

    @Test
    void uuidScannerAcceptsTheHexadecimalEightFourFourFourTwelveFormOnly() {
        Pattern uuid = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        for (String text : List.of("123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
                "123e4567e89b-12d3-a456-426614174000-", "123e4567-e89b-12d3-a456-42661417400g",
                "123e4567-e89b-12d3-a456-4266141740", "123e4567-e89b-12d3-a456-4266141740000",
                "{123e4567-e89b-12d3-a456-426614174000}", "")) {
            assertThat(PrimitiveCasts.isUuidText(text)).as(text).isEqualTo(uuid.matcher(text).matches());
        }
    }

    @Test
    void integersCastExactlyAtTheEdgesOfTheirTypes() {
        assertThat(PrimitiveCasts.cast(FieldType.INTEGER, Integer.class, "2147483647").value()).isEqualTo(2147483647);
        assertThat(PrimitiveCasts.cast(FieldType.INTEGER, Integer.class, "2147483648").isOk()).isFalse();
        assertThat(PrimitiveCasts.cast(FieldType.INTEGER, Short.class, "-32768").value()).isEqualTo((short) -32768);
        assertThat(PrimitiveCasts.cast(FieldType.INTEGER, Short.class, "32768").isOk()).isFalse();
        assertThat(PrimitiveCasts.cast(FieldType.INTEGER, Long.class, "+999999999999999999").value())
            .isEqualTo(999_999_999_999_999_999L);
        assertThat(PrimitiveCasts.cast(FieldType.INTEGER, Long.class, "-9223372036854775808").value())
            .isEqualTo(Long.MIN_VALUE);
        assertThat(PrimitiveCasts.cast(FieldType.INTEGER, Long.class, "9223372036854775808").isOk()).isFalse();
    }

    @Test
    void datesAndDateTimesCastWithoutTheFormatterAsTheyDidWithIt() {
        assertThat(PrimitiveCasts.cast(FieldType.DATE, LocalDate.class, "2024-02-29").value())
            .isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PrimitiveCasts.cast(FieldType.DATE, LocalDate.class, "2023-02-29").isOk()).isFalse();
        assertThat(PrimitiveCasts.cast(FieldType.DATE, LocalDate.class, "2023-04-31").isOk()).isFalse();
        assertThat(PrimitiveCasts.cast(FieldType.DATE, LocalDate.class, "2023-13-01").isOk()).isFalse();
        assertThat(PrimitiveCasts.cast(FieldType.DATE, LocalDate.class, "2023-1a-01").isOk()).isFalse();
        assertThat(PrimitiveCasts.cast(FieldType.DATE, LocalDate.class, "2023-01-05T10:00:00").value())
            .isEqualTo(LocalDate.of(2023, 1, 5));
        assertThat(PrimitiveCasts.cast(FieldType.NAIVE_DATETIME, LocalDateTime.class, "2026-12-24 10:00:59").value())
            .isEqualTo(LocalDateTime.of(2026, 12, 24, 10, 0, 59));
        assertThat(PrimitiveCasts.cast(FieldType.NAIVE_DATETIME, LocalDateTime.class, "2026-12-24T24:00:00").isOk())
            .isFalse();
        assertThat(PrimitiveCasts.cast(FieldType.NAIVE_DATETIME, LocalDateTime.class, "2026-12-24T10:60:00").isOk())
            .isFalse();
        assertThat(PrimitiveCasts.cast(FieldType.NAIVE_DATETIME, LocalDateTime.class, "2026-12-24x10:00:00").isOk())
            .isFalse();
        assertThat(PrimitiveCasts.cast(FieldType.NAIVE_DATETIME, LocalDateTime.class, "2026-12-24T10:00:00.123456")
            .value()).isEqualTo(LocalDateTime.of(2026, 12, 24, 10, 0, 0));
    }

    @Test
    void everyPlainDateAndDateTimeCastsAsTheStrictFormatterParsesIt() {
        int compared = 0;
        for (String year : List.of("0000", "1900", "2000", "2023", "2024")) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String text = String.format("%s-%02d-%02d", year, month, day);
                    Object expected;
                    try {
                        expected = LocalDate.parse(text);
                    }
                    catch (java.time.format.DateTimeParseException ex) {
                        expected = "invalid";
                    }
                    CastResult<?> cast = PrimitiveCasts.cast(FieldType.DATE, LocalDate.class, text);
                    assertThat(cast.isOk() ? cast.value() : "invalid").as(text).isEqualTo(expected);
                    compared++;
                }
            }
        }
        for (String date : List.of("2024-02-29", "2023-02-29", "2024-04-31")) {
            for (int hour = 0; hour <= 25; hour++) {
                for (String minuteSecond : List.of("00:00", "59:59", "60:00", "00:60", "5a:00")) {
                    String clock = String.format("%02d:%s", hour, minuteSecond);
                    Object expected;
                    try {
                        expected = LocalDateTime.parse(date + "T" + clock);
                    }
                    catch (java.time.format.DateTimeParseException ex) {
                        expected = "invalid";
                    }
                    for (char separator : new char[] { 'T', ' ' }) {
                        String text = date + separator + clock;
                        CastResult<?> cast = PrimitiveCasts.cast(FieldType.NAIVE_DATETIME, LocalDateTime.class, text);
                        assertThat(cast.isOk() ? cast.value() : "invalid").as(text).isEqualTo(expected);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(5 * 14 * 33 + 3 * 26 * 5 * 2);
    }

}
