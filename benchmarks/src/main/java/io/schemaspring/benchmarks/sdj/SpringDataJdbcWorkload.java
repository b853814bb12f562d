package io.schemaspring.benchmarks.sdj;

import io.schemaspring.benchmarks.BenchDatabase;
import io.schemaspring.benchmarks.PostCommentCount;
import io.schemaspring.benchmarks.Workload;
import io.schemaspring.benchmarks.plain.Profile;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Spring Data JDBC repositories, as its users write them. */
public class SpringDataJdbcWorkload implements Workload {

    private final AnnotationConfigApplicationContext context;

    private final Repositories.Posts posts;

    private final Repositories.PostsWithComments postsWithComments;

    private final Repositories.PostsWithTags postsWithTags;

    private final Repositories.Tags tags;

    private final Repositories.Profiles profiles;

    private final Repositories.Comments comments;

    private final JdbcAggregateOperations aggregates;

    private final TransactionTemplate transactions;

    public SpringDataJdbcWorkload(DataSource dataSource) {
        this(dataSource, 0);
    }

    /**
     * With a fetch size when {@code fetchSize > 0}, as a user who streams would configure
     * it.
     */
    public SpringDataJdbcWorkload(DataSource dataSource, int fetchSize) {
        this.context = new AnnotationConfigApplicationContext();
        this.context.registerBean(DataSource.class, () -> dataSource);
        if (fetchSize > 0) {
            this.context.registerBean(SpringDataJdbcConfiguration.FetchSize.class,
                    () -> new SpringDataJdbcConfiguration.FetchSize(fetchSize));
        }
        this.context.register(SpringDataJdbcConfiguration.class);
        this.context.refresh();
        this.posts = this.context.getBean(Repositories.Posts.class);
        this.postsWithComments = this.context.getBean(Repositories.PostsWithComments.class);
        this.postsWithTags = this.context.getBean(Repositories.PostsWithTags.class);
        this.tags = this.context.getBean(Repositories.Tags.class);
        this.profiles = this.context.getBean(Repositories.Profiles.class);
        this.comments = this.context.getBean(Repositories.Comments.class);
        this.aggregates = this.context.getBean(JdbcAggregateOperations.class);
        this.transactions = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
    }

    @Override
    public Object getById(long id) {
        return this.posts.findById(id).orElseThrow();
    }

    @Override
    public List<?> all() {
        List<JPost> all = new ArrayList<>();
        this.posts.findAll().forEach(all::add);
        return all;
    }

    @Override
    public void insertOne(int n) {
        this.posts.save(JPost.numbered(n, Workload.now()));
    }

    @Override
    public int insertAll(int count) {
        LocalDateTime now = Workload.now();
        List<JPost> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(JPost.numbered(i, now));
        }
        this.transactions.executeWithoutResult(status -> this.posts.saveAll(batch));
        return count;
    }

    @Override
    public void updateTitle(long id, String title) {
        JPost post = this.posts.findById(id).orElseThrow();
        post.title = title;
        post.updatedAt = Workload.now();
        this.posts.save(post);
    }

    /**
     * What {@code updateTitle} does: Spring Data JDBC changes an aggregate by loading it
     * and saving it whole.
     */
    @Override
    public void getThenUpdate(long id, String title) {
        updateTitle(id, title);
    }

    @Override
    public List<?> postsWithComments(int parents) {
        return this.postsWithComments.findByIdLessThanEqual(parents);
    }

    @Override
    public List<?> postsWithTags(int parents) {
        List<JPostWithTags> found = this.postsWithTags.findByIdLessThanEqual(parents);
        Set<Long> ids = found.stream()
            .flatMap(post -> post.tags.stream())
            .map(ref -> ref.tagId)
            .collect(Collectors.toSet());
        Map<Long, JTag> byId = new HashMap<>();
        this.tags.findAllById(ids).forEach(tag -> byId.put(tag.id, tag));
        List<Object> result = new ArrayList<>();
        for (JPostWithTags post : found) {
            result.add(Map.entry(post, post.tags.stream().map(ref -> byId.get(ref.tagId)).toList()));
        }
        return result;
    }

    @Override
    public List<?> derivedQuery(long authorId, String titlePrefix) {
        return this.posts.findTop10ByAuthorIdAndPublishedTrueAndTitleStartingWithOrderByTitle(authorId, titlePrefix);
    }

    @Override
    public Object jsonRoundTrip(int n) {
        Profile source = Profile.numbered(n);
        JProfile profile = new JProfile();
        profile.name = source.name;
        profile.address = source.address;
        this.profiles.save(profile);
        return this.profiles.findById(profile.id).orElseThrow();
    }

    @Override
    public void upsertCounters(int round) {
        this.transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 2 * BenchDatabase.COUNTERS; i++) {
                this.aggregates.upsert(new JCounter(BenchDatabase.counterName(round, i), round));
            }
        });
    }

    @Override
    public long streamEvents() {
        return this.transactions.execute(status -> {
            try (Stream<JEvent> events = this.aggregates.streamAll(JEvent.class)) {
                return events.mapToLong(event -> event.amount).sum();
            }
        });
    }

    @Override
    public long threeSteps(int n) {
        return this.transactions.execute(status -> {
            JPost post = this.posts.save(JPost.numbered(n, Workload.now()));
            JPostComment comment = new JPostComment();
            comment.postId = post.id;
            comment.body = "The first comment on post " + n;
            this.comments.save(comment);
            post.views = 1;
            return this.posts.save(post).id;
        });
    }

    @Override
    public List<PostCommentCount> commentCounts() {
        return this.posts.commentCounts(BenchDatabase.PARENTS);
    }

    @Override
    public List<?> postsUpTo(int count) {
        return this.posts.findByIdLessThanEqual(count);
    }

    @Override
    public void close() {
        this.context.close();
    }

}
