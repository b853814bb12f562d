package io.schemaspring.benchmarks.schema;

import io.schemaspring.benchmarks.Workload;
import io.schemaspring.changeset.Changesets;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.support.SchemaRepositoryFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** schema-core's Repo, as the starter's users write it. */
public class SchemaWorkload implements Workload {

    private final Repo repo;
    private final Changesets changesets;
    private final Repositories.Posts posts;

    public SchemaWorkload(DataSource dataSource) {
        SchemaRegistry registry = SchemaRegistry.builder().add(SPost.class, SComment.class, STag.class, SProfile.class).build();
        this.repo = Repo.create(registry, dataSource);
        this.changesets = new Changesets(registry);
        this.posts = new SchemaRepositoryFactory(this.repo).getRepository(Repositories.Posts.class);
    }

    @Override
    public Object getById(long id) {
        return this.repo.getOrThrow(SPost.class, id);
    }

    @Override
    public List<?> all() {
        return this.repo.all(SPost.class);
    }

    @Override
    public void insertOne(int n) {
        this.repo.insert(SPost.numbered(n));
    }

    @Override
    public int insertAll(int count) {
        List<SPost> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(SPost.numbered(i));
        }
        return this.repo.insertAll(posts);
    }

    @Override
    public void updateTitle(long id, String title) {
        SPost post = new SPost();
        post.id = id;
        this.repo.update(this.changesets.change(post, Map.of("title", title)));
    }

    @Override
    public List<?> postsWithComments(int parents) {
        return this.repo.all(Query.from(SPost.class).where("id", Query.Op.LTE, parents).preload("comments"));
    }

    @Override
    public List<?> postsWithTags(int parents) {
        return this.repo.all(Query.from(SPost.class).where("id", Query.Op.LTE, parents).preload("tags"));
    }

    @Override
    public List<?> derivedQuery(long authorId, String titlePrefix) {
        return this.posts.findTop10ByAuthorIdAndPublishedTrueAndTitleStartingWithOrderByTitle(authorId, titlePrefix);
    }

    @Override
    public Object jsonRoundTrip(int n) {
        SProfile profile = this.repo.insert(SProfile.numbered(n));
        return this.repo.getOrThrow(SProfile.class, profile.id);
    }
}
