package io.schemaspring.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class BitStringTest {

    @Test
    void keepsTrailingZerosSoLengthsDiffer() {
        assertThat(BitString.of("0100")).isNotEqualTo(BitString.of("01"));
        assertThat(BitString.of("0100").length()).isEqualTo(4);
        assertThat(BitString.of("0100")).isEqualTo(BitString.valueOf("0100")).hasSameHashCodeAs(BitString.of("0100"));
        assertThat(BitString.of("").length()).isZero();
    }

    @Test
    void readsAndPacksBitsMostSignificantFirst() {
        BitString bits = BitString.of(new byte[] { (byte) 0b1010_0000, (byte) 0b1000_0000 }, 9);
        assertThat(bits).hasToString("101000001");
        assertThat(bits.get(0)).isTrue();
        assertThat(bits.get(1)).isFalse();
        assertThat(bits.toBytes()).containsExactly((byte) 0b1010_0000, (byte) 0b1000_0000);
    }

    @Test
    void refusesAnythingButZerosAndOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> BitString.of("01a"))
            .withMessage("A bit string holds only 0 and 1, found 'a' at 2");
        assertThatIllegalArgumentException().isThrownBy(() -> BitString.of(new byte[1], 9))
            .withMessage("Length 9 does not fit in 1 bytes");
    }

    @Test
    void castsFromBitStringsTextOfZerosAndOnesAndBinaries() {
        PrimitiveType type = new PrimitiveType(FieldType.BITSTRING, BitString.class);
        assertThat(type.cast("011").value()).isEqualTo(BitString.of("011"));
        assertThat(type.cast(new byte[] { (byte) 0xF0 }).value()).isEqualTo(BitString.of("11110000"));
        assertThat(type.cast("012").isOk()).isFalse();
        assertThat(type.cast(3).isOk()).isFalse();
        assertThat(type).hasToString(":bitstring");
    }

}
