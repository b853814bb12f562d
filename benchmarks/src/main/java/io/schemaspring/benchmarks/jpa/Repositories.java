package io.schemaspring.benchmarks.jpa;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The Spring Data JPA repositories of the benchmark; preloads use fetch joins, the JPA best practice. */
public final class Repositories {

    private Repositories() {
    }

    public interface Posts extends JpaRepository<EPost, Long> {

        @Query("select distinct p from EPost p left join fetch p.comments where p.id <= :id")
        List<EPost> withComments(long id);

        @Query("select distinct p from EPost p left join fetch p.tags where p.id <= :id")
        List<EPost> withTags(long id);

        List<EPost> findTop10ByAuthorIdAndPublishedTrueAndTitleStartingWithOrderByTitle(Long authorId, String prefix);
    }

    public interface Profiles extends JpaRepository<EProfile, Long> {
    }
}
