package io.schemaspring.sample.blog;

import io.schemaspring.data.SchemaRepository;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * The posts' repository: Spring Data derived queries on top of the starter's
 * {@code SchemaRepository}.
 */
public interface PostRepository extends SchemaRepository<Post, Long> {

    /** One author's posts, a page at a time. */
    Page<Post> findByUserId(Long userId, Pageable pageable);

}
