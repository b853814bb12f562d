package io.schemaspring.repo;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * A Spring Data {@code Sort} names a property the query cannot order by: not a field of
 * the schema, or a path the query does not join. A {@code Sort} is often a client's
 * {@code ?sort=}, so the starter's web support answers it with 400 and the property under
 * {@code errors.sort}, not 500.
 */
public class InvalidSortException extends InvalidDataAccessApiUsageException {

    private final String property;

    /** The property and why the query cannot order by it. */
    public InvalidSortException(String property, String why) {
        super("cannot sort by \"" + property + "\": " + why);
        this.property = property;
    }

    /** The property of the {@code Sort}. */
    public String property() {
        return this.property;
    }

}
