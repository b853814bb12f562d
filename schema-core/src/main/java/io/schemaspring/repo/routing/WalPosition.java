package io.schemaspring.repo.routing;

/**
 * A PostgreSQL write-ahead log position ({@code pg_lsn}, written {@code 16/B374D848}) as
 * an unsigned 64-bit number, so that positions compare as numbers.
 */
final class WalPosition {

    static final long NONE = -1;

    private WalPosition() {
    }

    /** The position {@code text} names, or {@link #NONE} when it is not one. */
    static long parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1 || slash > 8 || text.length() - slash - 1 < 1 || text.length() - slash - 1 > 8) {
            return NONE;
        }
        try {
            long high = Long.parseLong(text, 0, slash, 16);
            long low = Long.parseLong(text, slash + 1, text.length(), 16);
            return high >= 0 && low >= 0 && high <= 0x7FFFFFFFL ? (high << 32) | low : NONE;
        }
        catch (NumberFormatException ex) {
            return NONE;
        }
    }

}
