package io.schemaspring.sample.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Page requests from query parameters: never a negative page, never more than 100 rows.
 */
final class Pages {

    static final int MAX_SIZE = 100;

    private Pages() {
    }

    /** Newest first; the id breaks ties between rows inserted in the same microsecond. */
    static PageRequest newestFirst(int page, int size) {
        return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_SIZE),
                Sort.by(Sort.Direction.DESC, "insertedAt").and(Sort.by(Sort.Direction.DESC, "id")));
    }

}
