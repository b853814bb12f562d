package io.schemaspring.type;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** Stores {@link Money} as its cents and casts decimal input such as {@code "12.50"}. */
public class MoneyType implements SchemaType<Money> {

    @Override
    public FieldType type() {
        return FieldType.INTEGER;
    }

    @Override
    public Class<Money> javaType() {
        return Money.class;
    }

    @Override
    public CastResult<Money> cast(@Nullable Object input) {
        if (input == null || input instanceof Money) {
            return CastResult.ok((Money) input);
        }
        try {
            BigDecimal amount = new BigDecimal(input.toString().trim());
            return CastResult.ok(new Money(amount.movePointRight(2).longValueExact()));
        }
        catch (ArithmeticException | NumberFormatException ex) {
            return CastResult.invalid();
        }
    }

    @Override
    public @Nullable Money load(@Nullable Object databaseValue) {
        return databaseValue == null ? null : new Money(((Number) databaseValue).longValue());
    }

    @Override
    public @Nullable Object dump(@Nullable Money value) {
        return value == null ? null : value.cents();
    }

}
