package io.schemaspring.benchmarks;

import java.util.List;

/** The same work done by each data layer, the way its users would write it. */
public interface Workload extends AutoCloseable {

    Object getById(long id);

    /** All 1,000 posts. */
    List<?> all();

    void insertOne(int n);

    /** Inserts {@code count} posts as one batch, answering the count. */
    int insertAll(int count);

    void updateTitle(long id, String title);

    /** The posts with id up to {@code parents}, each with its comments loaded. */
    List<?> postsWithComments(int parents);

    /** The posts with id up to {@code parents}, each with its tags loaded. */
    List<?> postsWithTags(int parents);

    /** Inserts a profile with an embedded address stored as JSON, then reads it back. */
    Object jsonRoundTrip(int n);

    /**
     * The published posts of one author whose title starts with a prefix, ordered by title, the
     * first 10: a derived query method where the data layer has them, hand-written SQL where not.
     */
    List<?> derivedQuery(long authorId, String titlePrefix);

    @Override
    default void close() {
    }

    static java.time.LocalDateTime now() {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
