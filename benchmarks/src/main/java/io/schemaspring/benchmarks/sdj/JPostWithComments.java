package io.schemaspring.benchmarks.sdj;

import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The post aggregate that owns its comments: Spring Data JDBC loads them with the post.
 */
@Table("bench_posts")
public class JPostWithComments {

    @Id
    public Long id;

    public String title;

    @MappedCollection(idColumn = "post_id")
    public Set<JComment> comments;

    @Table("bench_comments")
    public static class JComment {

        @Id
        public Long id;

        public String body;

    }

}
