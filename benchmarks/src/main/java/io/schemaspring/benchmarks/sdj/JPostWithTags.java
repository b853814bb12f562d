package io.schemaspring.benchmarks.sdj;

import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The post aggregate holding references to tags, another aggregate, through the join
 * table.
 */
@Table("bench_posts")
public class JPostWithTags {

    @Id
    public Long id;

    public String title;

    @MappedCollection(idColumn = "post_id")
    public Set<TagRef> tags;

    @Table("bench_posts_tags")
    public static class TagRef {

        public Long tagId;

    }

}
