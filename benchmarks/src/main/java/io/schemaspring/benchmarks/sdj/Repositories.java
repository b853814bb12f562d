package io.schemaspring.benchmarks.sdj;

import java.util.List;
import org.springframework.data.repository.CrudRepository;

/** The Spring Data JDBC repositories of the benchmark. */
public final class Repositories {

    private Repositories() {
    }

    public interface Posts extends CrudRepository<JPost, Long> {
        List<JPost> findTop10ByAuthorIdAndPublishedTrueAndTitleStartingWithOrderByTitle(Long authorId, String prefix);
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
