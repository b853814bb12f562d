package io.schemaspring.benchmarks.schema;

import io.schemaspring.data.SchemaRepository;
import java.util.List;

/**
 * The starter's Spring Data repositories of the benchmark, built by
 * {@code SchemaRepositoryFactory}.
 */
public final class Repositories {

    private Repositories() {
    }

    public interface Posts extends SchemaRepository<SPost, Long> {

        List<SPost> findTop10ByAuthorIdAndPublishedTrueAndTitleStartingWithOrderByTitle(Long authorId, String prefix);

    }

}
