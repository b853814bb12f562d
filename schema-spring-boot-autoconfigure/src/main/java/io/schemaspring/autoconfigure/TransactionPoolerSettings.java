package io.schemaspring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PgJDBC's settings for a pooler in transaction mode ({@code schema.pooler=transaction}):
 * no statement prepared on the server ({@code prepareThreshold=0}: a prepared statement
 * lives on a server connection the pooler hands to another client after the transaction,
 * and PgJDBC prepares even {@code COMMIT} and {@code ROLLBACK}), and no startup
 * {@code options}, which such a pooler refuses or silently drops.
 */
final class TransactionPoolerSettings {

    private static final Pattern URL_PARAMETER = Pattern.compile("[?&](options|prepareThreshold)=([^&]*)",
            Pattern.CASE_INSENSITIVE);

    private TransactionPoolerSettings() {
    }

    /**
     * Sets {@code pool} up for the pooler, or fails naming {@code properties} and the
     * fix.
     */
    static void apply(HikariDataSource pool, String properties) {
        String url = pool.getJdbcUrl() != null ? pool.getJdbcUrl() : "";
        Matcher parameter = URL_PARAMETER.matcher(url);
        while (parameter.find()) {
            check(parameter.group(1).toLowerCase(Locale.ROOT), parameter.group(2), properties + ".url");
        }
        pool.getDataSourceProperties()
            .forEach((name, value) -> check(String.valueOf(name).toLowerCase(Locale.ROOT), String.valueOf(value),
                    properties + ".hikari.data-source-properties." + name));
        if ("0".equals(String.valueOf(pool.getDataSourceProperties().get("prepareThreshold")))) {
            return;
        }
        try {
            pool.addDataSourceProperty("prepareThreshold", "0");
        }
        catch (IllegalStateException sealed) {
            throw new IllegalStateException("schema.pooler=transaction, but the HikariCP pool of " + properties
                    + " started before the starter could set prepareThreshold=0: set it on the pool you build "
                    + "(addDataSourceProperty(\"prepareThreshold\", \"0\"))", sealed);
        }
    }

    private static void check(String name, String value, String where) {
        if (name.equals("options")) {
            throw new IllegalStateException("schema.pooler=transaction, but " + where + " sets the startup options '"
                    + value + "', which a transaction pooler such as PgBouncer refuses (unsupported startup parameter) "
                    + "or drops: remove them, and "
                    + PoolerRefusedOptionsFailureAnalyzer.TIMEOUTS_THAT_SURVIVE_POOLING);
        }
        if (name.equals("preparethreshold") && !value.trim().equals("0")) {
            throw new IllegalStateException("schema.pooler=transaction, but " + where + " sets prepareThreshold="
                    + value
                    + ": statements prepared on the server outlive the transaction on a connection the pooler hands "
                    + "to other clients. Remove it (the starter sets prepareThreshold=0)");
        }
    }

}
