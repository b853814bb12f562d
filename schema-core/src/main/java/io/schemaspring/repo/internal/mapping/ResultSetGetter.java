package io.schemaspring.repo.internal.mapping;

import io.schemaspring.type.FieldType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * The typed {@code ResultSet} getters that read a plain column without conversion: one
 * table for the codecs, which call them, and the generated row readers, which emit calls
 * to them.
 */
enum ResultSetGetter {

    LONG("getLong", "J", long.class, ResultSet::getLong), INT("getInt", "I", int.class, ResultSet::getInt),
    SHORT("getShort", "S", short.class, ResultSet::getShort),
    DOUBLE("getDouble", "D", double.class, ResultSet::getDouble),
    FLOAT("getFloat", "F", float.class, ResultSet::getFloat),
    BOOLEAN("getBoolean", "Z", boolean.class, ResultSet::getBoolean),
    STRING("getString", "Ljava/lang/String;", null, ResultSet::getString),
    BIG_DECIMAL("getBigDecimal", "Ljava/math/BigDecimal;", null, ResultSet::getBigDecimal),
    BYTES("getBytes", "[B", null, ResultSet::getBytes);

    @FunctionalInterface
    interface Call {

        @Nullable Object get(ResultSet resultSet, int index) throws SQLException;

    }

    private final String method;

    private final String descriptor;

    private final @Nullable Class<?> primitive;

    private final Call call;

    ResultSetGetter(String method, String descriptor, @Nullable Class<?> primitive, Call call) {
        this.method = method;
        this.descriptor = descriptor;
        this.primitive = primitive;
        this.call = call;
    }

    /**
     * The getter that reads a column of this field type as {@code javaType}; null when a
     * codec must convert.
     */
    static @Nullable ResultSetGetter of(FieldType type, Class<?> javaType) {
        Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(javaType);
        return switch (type) {
            case ID, INTEGER ->
                boxed == Long.class ? LONG : boxed == Integer.class ? INT : boxed == Short.class ? SHORT : null;
            case FLOAT -> boxed == Double.class ? DOUBLE : boxed == Float.class ? FLOAT : null;
            case BOOLEAN -> boxed == Boolean.class ? BOOLEAN : null;
            case STRING -> javaType == String.class ? STRING : null;
            case DECIMAL -> javaType == BigDecimal.class ? BIG_DECIMAL : null;
            case BINARY -> javaType == byte[].class ? BYTES : null;
            default -> null;
        };
    }

    /** The {@code ResultSet} method's name. */
    String method() {
        return this.method;
    }

    /** The method's return type descriptor. */
    String descriptor() {
        return this.descriptor;
    }

    /** The primitive it returns; null for objects. */
    @Nullable Class<?> primitive() {
        return this.primitive;
    }

    /** Calls the getter; a primitive getter answers 0 or false for NULL, as JDBC does. */
    @Nullable Object get(ResultSet resultSet, int index) throws SQLException {
        return this.call.get(resultSet, index);
    }

}
