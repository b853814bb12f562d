package io.schemaspring.repo.internal.mapping;

import io.schemaspring.repo.dialect.Dialect;
import io.schemaspring.repo.dialect.Storage;
import io.schemaspring.type.ArrayType;
import io.schemaspring.type.BitString;
import io.schemaspring.type.CustomType;
import io.schemaspring.type.EmbedType;
import io.schemaspring.type.EnumType;
import io.schemaspring.type.FieldType;
import io.schemaspring.type.MapType;
import io.schemaspring.type.PrimitiveType;
import io.schemaspring.type.SchemaType;
import io.schemaspring.type.Type;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link Codec} of each type for one dialect. {@code :utc_datetime} values are
 * stored as UTC in {@code TIMESTAMP} columns (Ecto's convention); {@code :duration} as
 * ISO-8601 text; enums by name; embeds, maps and (without native arrays) lists as JSON.
 */
public final class Codecs {

    private final Dialect dialect;

    private final JsonValues json;

    public Codecs(Dialect dialect, JsonValues json) {
        this.dialect = dialect;
        this.json = json;
    }

    public Codec forType(Type type) {
        if (type instanceof EnumType enumType) {
            return enumCodec(enumType);
        }
        if (type instanceof CustomType custom) {
            return customCodec(custom);
        }
        Storage storage = this.dialect.storage(type);
        if (storage instanceof Storage.Scalar && type instanceof PrimitiveType primitive) {
            return primitive(primitive);
        }
        if (storage instanceof Storage.NativeArray && type instanceof ArrayType array) {
            return arrayCodec(array, (PrimitiveType) array.elementType());
        }
        if (storage instanceof Storage.Json) {
            return jsonCodec(type instanceof PrimitiveType ? new MapType(null) : type);
        }
        throw new IllegalArgumentException("No database mapping for type " + type);
    }

    /**
     * The codec of a column read without a schema: a value is bound as a field of its
     * Java class would be (by {@code setObject} for a class no field type holds), and
     * read as the driver answers it, its {@code java.sql} dates and times as
     * {@code java.time}.
     */
    public Codec schemaless() {
        java.util.Map<Class<?>, Codec> byClass = new java.util.concurrent.ConcurrentHashMap<>();
        return new Codec() {
            @Override
            public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
                if (value == null) {
                    statement.setNull(index, Types.NULL);
                    return;
                }
                byClass.computeIfAbsent(value.getClass(), Codecs.this::inferred).bind(statement, index, value);
            }

            @Override
            public @Nullable Object read(ResultSet resultSet, int index) throws SQLException {
                Object value = resultSet.getObject(index);
                if (value instanceof java.sql.Timestamp timestamp) {
                    return timestamp.toLocalDateTime();
                }
                if (value instanceof java.sql.Date date) {
                    return date.toLocalDate();
                }
                if (value instanceof java.sql.Time time) {
                    return time.toLocalTime();
                }
                return value;
            }
        };
    }

    private Codec inferred(Class<?> javaType) {
        try {
            return forType(io.schemaspring.type.TypeInference.resolve(javaType, FieldType.DEFAULT, false));
        }
        catch (RuntimeException ex) {
            return codec(ResultSet::getObject);
        }
    }

    private Codec primitive(PrimitiveType type) {
        Class<?> javaType = type.javaType();
        return switch (type.fieldType()) {
            case ID, INTEGER, FLOAT, DECIMAL, BOOLEAN, STRING, BINARY -> codec(plainGetter(type)::get);
            case BINARY_ID, UUID -> uuidCodec();
            case DATE -> objectCodec(LocalDate.class);
            case TIME, TIME_USEC -> timeCodec(type.fieldType().usec());
            case NAIVE_DATETIME, NAIVE_DATETIME_USEC -> naiveCodec(type.fieldType().usec());
            case UTC_DATETIME, UTC_DATETIME_USEC -> utcCodec(type.fieldType().usec(), javaType == OffsetDateTime.class);
            case DURATION -> durationCodec();
            case BITSTRING -> bitStringCodec();
            case ANY ->
                throw new IllegalArgumentException("No database mapping for :any (only virtual fields have it)");
            case MAP, DEFAULT ->
                throw new IllegalArgumentException("No column mapping for " + type + ": Dialect.storage decides JSON");
        };
    }

    /**
     * The getter of a plain column; a field's Java type outside the table reads as the
     * type's default class.
     */
    private static ResultSetGetter plainGetter(PrimitiveType type) {
        ResultSetGetter getter = ResultSetGetter.of(type.fieldType(), type.javaType());
        return getter != null ? getter
                : Objects.requireNonNull(ResultSetGetter.of(type.fieldType(), type.fieldType().defaultJavaType()));
    }

    @FunctionalInterface
    private interface Getter {

        Object get(ResultSet resultSet, int index) throws SQLException;

    }

    @FunctionalInterface
    private interface Setter {

        void set(PreparedStatement statement, int index, Object value) throws SQLException;

    }

    /**
     * A codec binding NULL for null and non-null values with the setter; the getter
     * answers null for NULL.
     */
    private static Codec nullable(Setter setter, Getter getter) {
        return new Codec() {
            @Override
            public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
                if (value == null) {
                    statement.setNull(index, Types.NULL);
                }
                else {
                    setter.set(statement, index, value);
                }
            }

            @Override
            public @Nullable Object read(ResultSet resultSet, int index) throws SQLException {
                Object value = getter.get(resultSet, index);
                return resultSet.wasNull() ? null : value;
            }
        };
    }

    /** Binds with setObject and reads with a typed getter. */
    private static Codec codec(Getter getter) {
        return nullable(PreparedStatement::setObject, getter);
    }

    private static Codec objectCodec(Class<?> type) {
        return codec((resultSet, index) -> resultSet.getObject(index, type));
    }

    private Codec uuidCodec() {
        Dialect dialect = this.dialect;
        return nullable((statement, index, value) -> dialect.binding().bindUuid(statement, index, (UUID) value),
                (resultSet, index) -> toUuid(resultSet.getObject(index)));
    }

    private static @Nullable UUID toUuid(@Nullable Object value) {
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(value.toString());
    }

    private static Codec timeCodec(boolean usec) {
        return mapped(value -> {
            LocalTime time = (LocalTime) value;
            int nano = truncatedNano(time.getNano(), usec);
            return nano == time.getNano() ? time : time.withNano(nano);
        }, (resultSet, index) -> resultSet.getObject(index, LocalTime.class));
    }

    private static Codec naiveCodec(boolean usec) {
        return mapped(value -> {
            LocalDateTime dateTime = (LocalDateTime) value;
            int nano = truncatedNano(dateTime.getNano(), usec);
            return nano == dateTime.getNano() ? dateTime : dateTime.withNano(nano);
        }, (resultSet, index) -> resultSet.getObject(index, LocalDateTime.class));
    }

    /**
     * The nanoseconds kept at second or microsecond precision; values already there are
     * bound as they are, not copied.
     */
    private static int truncatedNano(int nano, boolean usec) {
        return usec ? nano - nano % 1000 : 0;
    }

    private static Codec utcCodec(boolean usec, boolean offset) {
        return mapped(value -> {
            Instant instant = value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value;
            // ofEpochSecond, not ofInstant: ZoneOffset.UTC.getRules() builds new
            // ZoneRules per call on Java 17.
            return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), truncatedNano(instant.getNano(), usec),
                    ZoneOffset.UTC);
        }, (resultSet, index) -> {
            LocalDateTime utc = resultSet.getObject(index, LocalDateTime.class);
            if (utc == null) {
                return null;
            }
            return offset ? utc.atOffset(ZoneOffset.UTC) : utc.toInstant(ZoneOffset.UTC);
        });
    }

    private Codec bitStringCodec() {
        Dialect dialect = this.dialect;
        return nullable(
                (statement, index, value) -> dialect.binding().bindBitString(statement, index, value.toString()),
                (resultSet, index) -> {
                    String text = resultSet.getString(index);
                    return text == null ? null : BitString.of(text);
                });
    }

    private static Codec durationCodec() {
        return mapped(Object::toString, (resultSet, index) -> {
            String text = resultSet.getString(index);
            return text == null ? null : Duration.parse(text);
        });
    }

    private static Codec enumCodec(EnumType type) {
        return mapped(value -> type.dump((Enum<?>) value), (resultSet, index) -> {
            Object stored = type.integer() ? Long.valueOf(resultSet.getLong(index)) : resultSet.getString(index);
            if (stored == null || resultSet.wasNull()) {
                return null;
            }
            Enum<?> constant = type.load(stored);
            if (constant == null) {
                throw new StoredValueException("Stored value \"{value}\" is not one of " + type, stored, null);
            }
            return constant;
        });
    }

    @SuppressWarnings("unchecked")
    private Codec customCodec(CustomType type) {
        SchemaType<Object> schemaType = (SchemaType<Object>) type.schemaType();
        Codec underlying = forType(type.storedType());
        return new Codec() {
            @Override
            public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
                underlying.bind(statement, index, value == null ? null : schemaType.dump(value));
            }

            @Override
            public @Nullable Object read(ResultSet resultSet, int index) throws SQLException {
                return schemaType.load(underlying.read(resultSet, index));
            }

            @Override
            public boolean json() {
                return underlying.json();
            }
        };
    }

    private Codec arrayCodec(ArrayType type, PrimitiveType element) {
        Codec elementCodec = forType(element);
        String sqlType = this.dialect.binding().arrayElementType(element.fieldType(), element.javaType());
        JsonValues json = this.json;
        return new Codec() {
            @Override
            public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
                if (value == null) {
                    statement.setNull(index, Types.ARRAY);
                    return;
                }
                List<?> list = (List<?>) value;
                Object[] elements = new Object[list.size()];
                for (int i = 0; i < elements.length; i++) {
                    elements[i] = dumpElement(element, list.get(i));
                }
                statement.setArray(index, statement.getConnection().createArrayOf(sqlType, elements));
            }

            @Override
            public @Nullable Object read(ResultSet resultSet, int index) throws SQLException {
                Array array = resultSet.getArray(index);
                if (array == null) {
                    return null;
                }
                try {
                    Object[] elements = (Object[]) array.getArray();
                    List<Object> list = new ArrayList<>(elements.length);
                    boolean bits = element.fieldType() == FieldType.BITSTRING;
                    for (Object stored : elements) {
                        // PostgreSQL answers varbit elements as driver objects whose text
                        // is the bits
                        list.add(json.load(element, bits && stored != null ? stored.toString() : jdbcToTree(stored)));
                    }
                    return list;
                }
                finally {
                    array.free();
                }
            }
        };
    }

    /** The JDBC value of one array element. */
    private static @Nullable Object dumpElement(PrimitiveType element, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        return switch (element.fieldType()) {
            case UTC_DATETIME, UTC_DATETIME_USEC -> java.sql.Timestamp.valueOf(LocalDateTime
                .ofInstant(value instanceof OffsetDateTime odt ? odt.toInstant() : (Instant) value, ZoneOffset.UTC));
            case NAIVE_DATETIME, NAIVE_DATETIME_USEC -> java.sql.Timestamp.valueOf((LocalDateTime) value);
            case DATE -> java.sql.Date.valueOf((LocalDate) value);
            case TIME, TIME_USEC -> java.sql.Time.valueOf((LocalTime) value);
            case DURATION, BITSTRING -> value.toString();
            default -> value;
        };
    }

    /**
     * Array elements come back as java.sql types; turn them into what casting accepts.
     */
    private static @Nullable Object jdbcToTree(@Nullable Object stored) {
        if (stored instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (stored instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (stored instanceof java.sql.Time time) {
            return time.toLocalTime();
        }
        if (stored instanceof Integer || stored instanceof Short) {
            return ((Number) stored).longValue();
        }
        if (stored instanceof java.math.BigDecimal || stored instanceof Float) {
            return stored instanceof Float f ? (Object) f.doubleValue() : stored;
        }
        return stored;
    }

    /**
     * JSON columns; an embeds-many is never null, as in Ecto (NULL reads as, and null
     * writes as, an empty list).
     */
    private Codec jsonCodec(Type type) {
        Dialect dialect = this.dialect;
        JsonValues json = this.json;
        boolean embedsMany = type instanceof EmbedType embed && embed.many();
        return new Codec() {
            @Override
            public void bind(PreparedStatement statement, int index, @Nullable Object value) throws SQLException {
                dialect.binding()
                    .bindJson(statement, index, json.write(type, value == null && embedsMany ? List.of() : value));
            }

            @Override
            public @Nullable Object read(ResultSet resultSet, int index) throws SQLException {
                Object value = json.read(type, resultSet.getString(index));
                return value == null && embedsMany ? new ArrayList<>() : value;
            }

            @Override
            public boolean json() {
                return true;
            }
        };
    }

    @FunctionalInterface
    private interface Dumper {

        Object dump(Object value);

    }

    /** Dumps non-null values before binding them with setObject. */
    private static Codec mapped(Dumper dumper, Getter reader) {
        return nullable((statement, index, value) -> statement.setObject(index, dumper.dump(value)), reader);
    }

}
