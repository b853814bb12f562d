package io.schemaspring.query;

/**
 * The aggregate functions of
 * {@link io.schemaspring.repo.Repo#aggregate(Query, Aggregate, String)}, Ecto's
 * {@code Repo.aggregate}.
 */
public enum Aggregate {

    /** The number of rows whose field is not null; 0 on no rows. */
    COUNT,
    /**
     * The sum of a numeric field: {@code Long} for integers, {@code Double} for floats,
     * {@code BigDecimal} for decimals.
     */
    SUM,
    /**
     * The mean of a numeric field: {@code Double}, or {@code BigDecimal} for decimals.
     */
    AVG,
    /** The least value, of the field's type. */
    MIN,
    /** The greatest value, of the field's type. */
    MAX

}
