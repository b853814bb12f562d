package io.schemaspring.benchmarks.sdj;

import io.schemaspring.benchmarks.PostCommentCount;
import java.util.List;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

/** The Spring Data JDBC repositories of the benchmark. */
public final class Repositories {

    private Repositories() {
    }

    public interface Posts extends CrudRepository<JPost, Long> {

        List<JPost> findTop10ByAuthorIdAndPublishedTrueAndTitleStartingWithOrderByTitle(Long authorId, String prefix);

        List<JPost> findByIdLessThanEqual(long id);

        @Query("SELECT p.id, p.title, COUNT(c.id) AS comments FROM bench_posts p JOIN bench_comments c ON c.post_id = p.id "
                + "WHERE p.id <= :id GROUP BY p.id, p.title ORDER BY p.id")
        List<PostCommentCount> commentCounts(long id);

    }

    public interface Comments extends CrudRepository<JPostComment, Long> {

    }

    public interface PostsWithComments extends CrudRepository<JPostWithComments, Long> {

        List<JPostWithComments> findByIdLessThanEqual(long id);

    }

    public interface PostsWithTags extends CrudRepository<JPostWithTags, Long> {

        List<JPostWithTags> findByIdLessThanEqual(long id);

    }

    public interface Tags extends CrudRepository<JTag, Long> {

    }

    public interface Profiles extends CrudRepository<JProfile, Long> {

    }

}
