package io.schemaspring.repo.dialect;

import io.schemaspring.repo.dialect.Dialect.LetterCase;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link DialectProvider} recognising its database by words in the JDBC product name
 * (case-insensitive).
 */
public abstract class ProductNameDialectProvider implements DialectProvider {

    private final String name;

    private final Function<LetterCase, Dialect> dialect;

    private final List<String> productNameParts;

    protected ProductNameDialectProvider(String name, Function<LetterCase, Dialect> dialect,
            String... productNameParts) {
        this.name = name;
        this.dialect = dialect;
        this.productNameParts = List.of(productNameParts);
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public Optional<Dialect> resolve(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (this.productNameParts.stream().noneMatch(part -> product.contains(part.toLowerCase(Locale.ROOT)))) {
            return Optional.empty();
        }
        return Optional.of(this.dialect.apply(LetterCase.of(metaData)));
    }

}
