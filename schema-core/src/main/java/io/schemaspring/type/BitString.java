package io.schemaspring.type;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Ecto's {@code :bitstring}: a sequence of bits with its own length, so {@code 0100} and
 * {@code 01} differ (a {@link java.util.BitSet} would drop the trailing zero bits).
 * Written as a string of {@code 0} and {@code 1}, the way PostgreSQL writes
 * {@code BIT VARYING}.
 */
public final class BitString {

    private final boolean[] bits;

    private BitString(boolean[] bits) {
        this.bits = bits;
    }

    /**
     * Parses a string of {@code 0} and {@code 1}; the empty string is the empty bit
     * string.
     * @throws IllegalArgumentException for any other character
     */
    public static BitString of(String text) {
        Objects.requireNonNull(text, "Bits must not be null");
        boolean[] bits = new boolean[text.length()];
        for (int i = 0; i < bits.length; i++) {
            char c = text.charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException("A bit string holds only 0 and 1, found '" + c + "' at " + i);
            }
            bits[i] = c == '1';
        }
        return new BitString(bits);
    }

    /**
     * The same as {@link #of(String)}; the name Jackson and Spring's conversion find on
     * their own.
     */
    public static BitString valueOf(String text) {
        return of(text);
    }

    /** The first {@code length} bits of the bytes, most significant bit first. */
    public static BitString of(byte[] bytes, int length) {
        Objects.requireNonNull(bytes, "Bytes must not be null");
        if (length < 0 || length > bytes.length * 8) {
            throw new IllegalArgumentException("Length " + length + " does not fit in " + bytes.length + " bytes");
        }
        boolean[] bits = new boolean[length];
        for (int i = 0; i < length; i++) {
            bits[i] = (bytes[i / 8] & (0x80 >>> (i % 8))) != 0;
        }
        return new BitString(bits);
    }

    /** The number of bits. */
    public int length() {
        return this.bits.length;
    }

    /** The bit at the index, counted from the first (leftmost) bit. */
    public boolean get(int index) {
        return this.bits[index];
    }

    /** The bits packed most significant first; the last byte is padded with zero bits. */
    public byte[] toBytes() {
        byte[] bytes = new byte[(this.bits.length + 7) / 8];
        for (int i = 0; i < this.bits.length; i++) {
            if (this.bits[i]) {
                bytes[i / 8] |= (byte) (0x80 >>> (i % 8));
            }
        }
        return bytes;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof BitString that && Arrays.equals(this.bits, that.bits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(this.bits);
    }

    /** The bits as {@code 0} and {@code 1}, for example {@code 0101}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(this.bits.length);
        for (boolean bit : this.bits) {
            text.append(bit ? '1' : '0');
        }
        return text.toString();
    }

}
