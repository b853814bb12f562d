package io.schemaspring.type;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Ecto.Type.cast for the primitive types. Every method answers a result and never throws.
 */
final class PrimitiveCasts {

    /**
     * Digits of an integer that always fits a long (18 digits or fewer, a sign aside).
     */
    private static final int LONG_SAFE_DIGITS = 18;

    /**
     * ISO-8601 date and time joined by 'T' (see {@link #parseDateTime}), with an optional
     * offset. STRICT: an impossible date is refused, never moved to the end of the month.
     */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .appendLiteral('T')
        .append(DateTimeFormatter.ISO_LOCAL_TIME)
        .optionalStart()
        .appendOffsetId()
        .optionalEnd()
        .toFormatter()
        .withResolverStyle(ResolverStyle.STRICT);

    private PrimitiveCasts() {
    }

    static CastResult<?> cast(FieldType type, Class<?> javaType, @Nullable Object input) {
        if (input == null) {
            return CastResult.ok(null);
        }
        try {
            return switch (type) {
                case ID, INTEGER -> castInteger(javaType, input);
                case FLOAT -> castFloat(javaType, input);
                case DECIMAL -> castDecimal(input);
                case BOOLEAN -> castBoolean(input);
                case STRING ->
                    input instanceof String text && wellFormed(text) ? CastResult.ok(input) : CastResult.invalid();
                case BINARY -> castBinary(input);
                case BINARY_ID, UUID -> castUuid(input);
                case DATE -> castDate(input);
                case TIME, TIME_USEC -> castTime(input, type.usec());
                case NAIVE_DATETIME, NAIVE_DATETIME_USEC -> castNaive(input, type.usec());
                case UTC_DATETIME, UTC_DATETIME_USEC -> castUtc(javaType, input, type.usec());
                case DURATION -> castDuration(input);
                case BITSTRING -> castBitString(input);
                case MAP ->
                    input instanceof Map<?, ?> && wellFormedJson(input) ? CastResult.ok(input) : CastResult.invalid();
                case ANY -> CastResult.ok(input);
                case DEFAULT -> CastResult.invalid();
            };
        }
        catch (DateTimeException | ArithmeticException | IllegalArgumentException ex) {
            return CastResult.invalid();
        }
    }

    private static CastResult<?> castInteger(Class<?> javaType, Object input) {
        BigInteger value;
        if (input instanceof Long || input instanceof Integer || input instanceof Short || input instanceof Byte) {
            value = BigInteger.valueOf(((Number) input).longValue());
        }
        else if (input instanceof BigInteger big) {
            value = big;
        }
        else if (input instanceof String text && isIntegerText(text)) {
            if (text.length() - signLength(text) <= LONG_SAFE_DIGITS) {
                return narrow(javaType, Long.parseLong(text));
            }
            value = new BigInteger(text);
        }
        else {
            return CastResult.invalid();
        }
        if (javaType == Integer.class) {
            return CastResult.ok(value.intValueExact());
        }
        if (javaType == Short.class) {
            return CastResult.ok(value.shortValueExact());
        }
        return CastResult.ok(value.longValueExact());
    }

    /**
     * The long in the field's type, refused (ArithmeticException, "is invalid") when it
     * does not fit.
     */
    private static CastResult<?> narrow(Class<?> javaType, long value) {
        if (javaType == Integer.class) {
            return CastResult.ok(Math.toIntExact(value));
        }
        if (javaType == Short.class) {
            if (value != (short) value) {
                throw new ArithmeticException("out of short range");
            }
            return CastResult.ok((short) value);
        }
        return CastResult.ok(value);
    }

    private static int signLength(String text) {
        return !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
    }

    private static int digitsFrom(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * {@code [+-]?[0-9]+}, scanned rather than matched: casting runs per field of every
     * request.
     */
    static boolean isIntegerText(String text) {
        int start = signLength(text);
        int end = digitsFrom(text, start);
        return end > start && end == text.length();
    }

    /** {@code [+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    static boolean isFloatText(String text) {
        int start = signLength(text);
        int i = digitsFrom(text, start);
        if (i == start) {
            return false;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            int fraction = digitsFrom(text, i + 1);
            if (fraction == i + 1) {
                return false;
            }
            i = fraction;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponentStart = i + 1;
            if (exponentStart < text.length()
                    && (text.charAt(exponentStart) == '+' || text.charAt(exponentStart) == '-')) {
                exponentStart++;
            }
            int exponent = digitsFrom(text, exponentStart);
            if (exponent == exponentStart) {
                return false;
            }
            i = exponent;
        }
        return i == text.length();
    }

    /** The 8-4-4-4-12 hexadecimal form. */
    static boolean isUuidText(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    private static CastResult<?> castFloat(Class<?> javaType, Object input) {
        double value;
        if (input instanceof Double || input instanceof Float) {
            value = ((Number) input).doubleValue();
        }
        else if (input instanceof Long || input instanceof Integer || input instanceof Short
                || input instanceof BigInteger) {
            value = ((Number) input).doubleValue();
        }
        else if (input instanceof BigDecimal decimal) {
            value = decimal.doubleValue();
        }
        else if (input instanceof String text && isFloatText(text)) {
            value = Double.parseDouble(text);
        }
        else {
            return CastResult.invalid();
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return CastResult.invalid();
        }
        return CastResult.ok(javaType == Float.class ? (Object) (float) value : (Object) value);
    }

    private static CastResult<?> castDecimal(Object input) {
        if (input instanceof BigDecimal decimal) {
            return CastResult.ok(decimal);
        }
        if (input instanceof Long || input instanceof Integer || input instanceof Short) {
            return CastResult.ok(BigDecimal.valueOf(((Number) input).longValue()));
        }
        if (input instanceof BigInteger big) {
            return CastResult.ok(new BigDecimal(big));
        }
        if (input instanceof Double || input instanceof Float) {
            double value = ((Number) input).doubleValue();
            return (Double.isNaN(value) || Double.isInfinite(value)) ? CastResult.invalid()
                    : CastResult.ok(BigDecimal.valueOf(value));
        }
        if (input instanceof String text && isFloatText(text)) {
            return CastResult.ok(new BigDecimal(text));
        }
        return CastResult.invalid();
    }

    private static CastResult<?> castBoolean(Object input) {
        if (input instanceof Boolean) {
            return CastResult.ok(input);
        }
        if (input instanceof String text) {
            return switch (text) {
                case "true", "1" -> CastResult.ok(Boolean.TRUE);
                case "false", "0" -> CastResult.ok(Boolean.FALSE);
                default -> CastResult.invalid();
            };
        }
        return CastResult.invalid();
    }

    private static CastResult<?> castBinary(Object input) {
        if (input instanceof byte[]) {
            return CastResult.ok(input);
        }
        if (input instanceof String text) {
            return CastResult.ok(Base64.getDecoder().decode(text));
        }
        return CastResult.invalid();
    }

    private static CastResult<?> castUuid(Object input) {
        if (input instanceof UUID) {
            return CastResult.ok(input);
        }
        if (input instanceof String text && isUuidText(text)) {
            return CastResult.ok(UUID.fromString(text));
        }
        return CastResult.invalid();
    }

    private static CastResult<?> castDate(Object input) {
        if (input instanceof LocalDate) {
            return CastResult.ok(input);
        }
        if (input instanceof String text) {
            // Ecto: an ISO date, or else the date part of an ISO naive datetime (an
            // offset is dropped).
            LocalDate plain = plainDate(text);
            if (plain != null) {
                return CastResult.ok(plain);
            }
            try {
                return CastResult.ok(LocalDate.parse(text));
            }
            catch (DateTimeParseException ex) {
                return CastResult.ok(LocalDate.from(parseDateTime(text)));
            }
        }
        if (input instanceof Map<?, ?> parts) {
            return CastResult.ok(castDateParts(parts));
        }
        return CastResult.invalid();
    }

    private static CastResult<?> castTime(Object input, boolean usec) {
        LocalTime time;
        if (input instanceof LocalTime value) {
            time = value;
        }
        else if (input instanceof String text) {
            time = LocalTime.parse(text);
        }
        else if (input instanceof Map<?, ?> parts) {
            time = timeOf(parts);
        }
        else {
            return CastResult.invalid();
        }
        return CastResult.ok(usec ? time.truncatedTo(ChronoUnit.MICROS) : time.truncatedTo(ChronoUnit.SECONDS));
    }

    private static CastResult<?> castNaive(Object input, boolean usec) {
        LocalDateTime dateTime;
        if (input instanceof LocalDateTime value) {
            dateTime = value;
        }
        else if (input instanceof String text) {
            LocalDateTime plain = plainDateTime(text);
            dateTime = plain != null ? plain : LocalDateTime.from(parseDateTime(text));
        }
        else if (input instanceof Map<?, ?> parts) {
            dateTime = LocalDateTime.of(castDateParts(parts), timeOf(parts));
        }
        else {
            return CastResult.invalid();
        }
        return CastResult.ok(dateTime.truncatedTo(usec ? ChronoUnit.MICROS : ChronoUnit.SECONDS));
    }

    private static CastResult<?> castUtc(Class<?> javaType, Object input, boolean usec) {
        Instant instant;
        if (input instanceof Instant value) {
            instant = value;
        }
        else if (input instanceof OffsetDateTime value) {
            instant = value.toInstant();
        }
        else if (input instanceof String text) {
            TemporalAccessor parsed = parseDateTime(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS) ? ZoneOffset.from(parsed)
                    : ZoneOffset.UTC;
            instant = local.toInstant(offset);
        }
        else if (input instanceof Map<?, ?> parts) {
            instant = LocalDateTime.of(castDateParts(parts), timeOf(parts)).toInstant(ZoneOffset.UTC);
        }
        else {
            return CastResult.invalid();
        }
        instant = instant.truncatedTo(usec ? ChronoUnit.MICROS : ChronoUnit.SECONDS);
        return CastResult.ok(javaType == OffsetDateTime.class ? instant.atOffset(ZoneOffset.UTC) : instant);
    }

    /**
     * A {@link BitString} or a string of 0 and 1 (a binary is a bit string too, as in
     * Ecto).
     */
    private static CastResult<?> castBitString(Object input) {
        if (input instanceof BitString) {
            return CastResult.ok(input);
        }
        if (input instanceof String text) {
            return CastResult.ok(BitString.of(text));
        }
        if (input instanceof byte[] bytes) {
            return CastResult.ok(BitString.of(bytes, bytes.length * 8));
        }
        return CastResult.invalid();
    }

    private static CastResult<?> castDuration(Object input) {
        if (input instanceof Duration) {
            return CastResult.ok(input);
        }
        if (input instanceof String text) {
            try {
                return CastResult.ok(Duration.parse(text));
            }
            catch (DateTimeParseException ex) {
                return CastResult.invalid();
            }
        }
        return CastResult.invalid();
    }

    /**
     * The common {@code yyyy-MM-dd} read without a formatter; {@code null} for any other
     * form or an impossible date, which the formatter then answers as before.
     */
    private static @Nullable LocalDate plainDate(String text) {
        return text.length() == 10 ? plainDateAt(text) : null;
    }

    /** The {@code yyyy-MM-dd} at the start of the text, or {@code null}. */
    private static @Nullable LocalDate plainDateAt(String text) {
        if (text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * The common {@code yyyy-MM-ddTHH:mm:ss} (or with a space) read without a formatter;
     * else {@code null}.
     */
    private static @Nullable LocalDateTime plainDateTime(String text) {
        if (text.length() != 19 || (text.charAt(10) != 'T' && text.charAt(10) != ' ') || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        LocalDate date = plainDateAt(text);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return LocalDateTime.of(date, LocalTime.of(hour, minute, second));
    }

    /**
     * The decimal digits from {@code start} to {@code end}, or -1 when one is not a
     * digit.
     */
    private static int number(String text, int start, int end) {
        int value = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Ecto takes exactly one separator between the date and the time: 'T' or a space. */
    private static TemporalAccessor parseDateTime(String text) {
        boolean space = text.length() > 10 && text.charAt(10) == ' ';
        return DATE_TIME.parse(space ? text.substring(0, 10) + 'T' + text.substring(11) : text);
    }

    /**
     * Whether the string can be stored as text on every database: every surrogate paired
     * (a lone one has no UTF-8 form) and no NUL, which PostgreSQL refuses in text and
     * JSON and H2 would keep.
     */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            }
            else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #wellFormed} for every string, key or value, at any depth of a JSON-like
     * value.
     */
    static boolean wellFormedJson(@Nullable Object value) {
        if (value instanceof String text) {
            return wellFormed(text);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet()
                .stream()
                .allMatch(entry -> wellFormedJson(entry.getKey()) && wellFormedJson(entry.getValue()));
        }
        if (value instanceof Collection<?> elements) {
            return elements.stream().allMatch(PrimitiveCasts::wellFormedJson);
        }
        return true;
    }

    private static LocalDate castDateParts(Map<?, ?> parts) {
        return LocalDate.of(part(parts, "year"), part(parts, "month"), part(parts, "day"));
    }

    private static LocalTime timeOf(Map<?, ?> parts) {
        int microsecond = parts.containsKey("microsecond") ? part(parts, "microsecond") : 0;
        int second = parts.containsKey("second") ? part(parts, "second") : 0;
        return LocalTime.of(part(parts, "hour"), part(parts, "minute"), second, microsecond * 1000);
    }

    private static int part(Map<?, ?> parts, String name) {
        Object value = parts.get(name);
        if (value instanceof Integer number) {
            return number;
        }
        if (value instanceof Long number) {
            return Math.toIntExact(number);
        }
        if (value instanceof String text && isIntegerText(text)) {
            return Integer.parseInt(text);
        }
        throw new IllegalArgumentException("Missing or invalid part " + name);
    }

}
