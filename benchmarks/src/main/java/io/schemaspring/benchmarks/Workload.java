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

    /**
     * Reads a post by id, then changes the title of what it read: the unit of work of the
     * virtual-thread benchmark.
     */
    void getThenUpdate(long id, String title);

    /** The posts with id up to {@code parents}, each with its comments loaded. */
    List<?> postsWithComments(int parents);

    /** The posts with id up to {@code parents}, each with its tags loaded. */
    List<?> postsWithTags(int parents);

    /** Inserts a profile with an embedded address stored as JSON, then reads it back. */
    Object jsonRoundTrip(int n);

    /**
     * The published posts of one author whose title starts with a prefix, ordered by
     * title, the first 10: a derived query method where the data layer has them,
     * hand-written SQL where not.
     */
    List<?> derivedQuery(long authorId, String titlePrefix);

    /**
     * Upserts 1,000 counters keyed by name in one transaction: the seed's 500 ({@code c0}
     * to {@code c499}) and 500 new ones named after the round, every one to
     * {@code hits = round}.
     */
    void upsertCounters(int round);

    /**
     * Streams the 1,000,000 events through a database cursor, answering the sum of their
     * amounts.
     */
    long streamEvents();

    /**
     * In one transaction, three dependent steps: inserts a post, inserts a comment on it,
     * sets the post's views to 1; answers the post's id.
     */
    long threeSteps(int n);

    /**
     * The first 100 posts with the number of their comments: a join with COUNT and GROUP
     * BY, by id.
     */
    List<PostCommentCount> commentCounts();

    /** The posts with id up to {@code count}, without associations. */
    List<?> postsUpTo(int count);

    @Override
    default void close() {
    }

    static java.time.LocalDateTime now() {
        return java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

}
