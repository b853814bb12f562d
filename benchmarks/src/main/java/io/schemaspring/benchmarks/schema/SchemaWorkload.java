package io.schemaspring.benchmarks.schema;

import io.schemaspring.benchmarks.BenchDatabase;
import io.schemaspring.benchmarks.PostCommentCount;
import io.schemaspring.benchmarks.Workload;
import io.schemaspring.changeset.Changesets;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Multi;
import io.schemaspring.query.OnConflict;
import io.schemaspring.query.ProjectionQuery;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.query.Selection;
import io.schemaspring.data.support.SchemaRepositoryFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** schema-core's Repo, as the starter's users write it. */
public class SchemaWorkload implements Workload {

    private final Repo repo;

    private final Changesets changesets;

    private final Repositories.Posts posts;

    private final TransactionTemplate transactions;

    private final ProjectionQuery<PostCommentCount> commentCounts;

    private final OnConflict replaceHits = OnConflict.replace("hits").target("name");

    public SchemaWorkload(DataSource dataSource) {
        SchemaRegistry registry = SchemaRegistry.builder()
            .add(SPost.class, SComment.class, STag.class, SProfile.class, SCounter.class, SEvent.class)
            .build();
        this.repo = Repo.create(registry, dataSource);
        this.changesets = new Changesets(registry);
        this.posts = new SchemaRepositoryFactory(this.repo).getRepository(Repositories.Posts.class);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.commentCounts = Query.from(SPost.class)
            .join("comments")
            .where("id", Query.Op.LTE, BenchDatabase.PARENTS)
            .orderBy("id")
            .select(PostCommentCount.class, Selection.field("id"), Selection.field("title"),
                    Selection.count("comments.id").as("comments"))
            .groupBy("id", "title");
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
    public void getThenUpdate(long id, String title) {
        SPost post = this.repo.getOrThrow(SPost.class, id);
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

    @Override
    public void upsertCounters(int round) {
        List<SCounter> counters = new ArrayList<>(2 * BenchDatabase.COUNTERS);
        for (int i = 0; i < 2 * BenchDatabase.COUNTERS; i++) {
            counters.add(SCounter.of(BenchDatabase.counterName(round, i), round));
        }
        this.repo.insertAll(counters, this.replaceHits);
    }

    @Override
    public long streamEvents() {
        return this.transactions.execute(status -> {
            try (Stream<SEvent> events = this.repo.stream(Query.from(SEvent.class))) {
                return events.mapToLong(event -> event.amount).sum();
            }
        });
    }

    @Override
    public long threeSteps(int n) {
        Multi steps = Multi.create()
            .insert("post", SPost.numbered(n))
            .insert("comment",
                    changes -> SComment.on(changes.get("post", SPost.class).id, "The first comment on post " + n))
            .update("views", changes -> this.changesets.change(changes.get("post", SPost.class), Map.of("views", 1)));
        return this.repo.transaction(steps).get("post", SPost.class).id;
    }

    @Override
    public List<PostCommentCount> commentCounts() {
        return this.repo.all(this.commentCounts);
    }

    @Override
    public List<?> postsUpTo(int count) {
        return this.repo.all(Query.from(SPost.class).where("id", Query.Op.LTE, count));
    }

}
