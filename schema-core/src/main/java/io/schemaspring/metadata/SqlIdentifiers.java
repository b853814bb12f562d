package io.schemaspring.metadata;

import java.util.regex.Pattern;

/**
 * The identifiers (tables, columns, prefixes) the starter accepts: plain SQL names it can
 * quote safely.
 */
public final class SqlIdentifiers {

    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private SqlIdentifiers() {
    }

    /**
     * Letters, digits and underscores, not starting with a digit, at most 63 characters.
     */
    public static boolean isValid(String identifier) {
        return identifier != null && VALID.matcher(identifier).matches();
    }

    /** Throws a clear error naming the identifier when it is not valid. */
    public static String require(String identifier, String what) {
        if (!isValid(identifier)) {
            throw new IllegalArgumentException(what + " \"" + identifier + "\" is not a valid SQL identifier: "
                    + "use letters, digits and underscores, not starting with a digit, at most 63 characters");
        }
        return identifier;
    }

}
