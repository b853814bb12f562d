package io.schemaspring.benchmarks.jpa;

import io.schemaspring.benchmarks.PostCommentCount;
import jakarta.persistence.QueryHint;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

/**
 * The Spring Data JPA repositories of the benchmark; preloads use fetch joins, the JPA
 * best practice.
 */
public final class Repositories {

    private Repositories() {
    }

    public interface Posts extends JpaRepository<EPost, Long> {

        @Query("select distinct p from EPost p left join fetch p.comments where p.id <= :id")
        List<EPost> withComments(long id);

        @Query("select distinct p from EPost p left join fetch p.tags where p.id <= :id")
        List<EPost> withTags(long id);

        List<EPost> findTop10ByAuthorIdAndPublishedTrueAndTitleStartingWithOrderByTitle(Long authorId, String prefix);

        List<EPost> findByIdLessThanEqual(long id);

        @Query("select new io.schemaspring.benchmarks.PostCommentCount(p.id, p.title, count(c)) from EPost p join p.comments c "
                + "where p.id <= :id group by p.id, p.title order by p.id")
        List<PostCommentCount> commentCounts(long id);

    }

    public interface Counters extends JpaRepository<ECounter, String> {

    }

    public interface Events extends JpaRepository<EEvent, Long> {

        @QueryHints(@QueryHint(name = HibernateHints.HINT_FETCH_SIZE, value = "500"))
        @Query("select e from EEvent e")
        Stream<EEvent> streamAll();

    }

    public interface Profiles extends JpaRepository<EProfile, Long> {

    }

}
