package io.schemaspring.repo.dialect;

/**
 * How a dialect spells a row lock: the clause a SELECT ends with to lock the rows it
 * reads.
 */
@FunctionalInterface
public interface LockClause {

    /**
     * The clause for the lock, after paging; refuses, before any SQL, a lock the database
     * lacks.
     * @throws org.springframework.dao.InvalidDataAccessApiUsageException for a lock the
     * database lacks
     */
    String render(RowLock lock);

}
