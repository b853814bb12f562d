package io.schemaspring.benchmarks.jpa;

import io.schemaspring.benchmarks.BenchDatabase;
import io.schemaspring.benchmarks.PostCommentCount;
import io.schemaspring.benchmarks.Workload;
import io.schemaspring.benchmarks.plain.Profile;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data JPA on Hibernate, as its users write it (IDENTITY ids, fetch joins, dirty
 * checking).
 */
public class JpaWorkload implements Workload {

    private final AnnotationConfigApplicationContext context;

    private final Repositories.Posts posts;

    private final Repositories.Profiles profiles;

    private final Repositories.Counters counters;

    private final Repositories.Events events;

    private final TransactionTemplate transactions;

    private final EntityManagerFactory entityManagerFactory;

    public JpaWorkload(DataSource dataSource) {
        this.context = new AnnotationConfigApplicationContext();
        this.context.registerBean(DataSource.class, () -> dataSource);
        this.context.register(JpaConfiguration.class);
        this.context.refresh();
        this.posts = this.context.getBean(Repositories.Posts.class);
        this.profiles = this.context.getBean(Repositories.Profiles.class);
        this.counters = this.context.getBean(Repositories.Counters.class);
        this.events = this.context.getBean(Repositories.Events.class);
        this.transactions = new TransactionTemplate(this.context.getBean(PlatformTransactionManager.class));
        this.entityManagerFactory = this.context.getBean(EntityManagerFactory.class);
    }

    @Override
    public Object getById(long id) {
        return this.posts.findById(id).orElseThrow();
    }

    @Override
    public List<?> all() {
        return this.posts.findAll();
    }

    @Override
    public void insertOne(int n) {
        this.posts.save(EPost.numbered(n, Workload.now()));
    }

    @Override
    public int insertAll(int count) {
        LocalDateTime now = Workload.now();
        List<EPost> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(EPost.numbered(i, now));
        }
        this.transactions.executeWithoutResult(status -> this.posts.saveAll(batch));
        return count;
    }

    @Override
    public void updateTitle(long id, String title) {
        this.transactions.executeWithoutResult(status -> {
            EntityManager entityManager = EntityManagerFactoryUtils
                .getTransactionalEntityManager(this.entityManagerFactory);
            EPost post = entityManager.find(EPost.class, id);
            post.title = title;
            post.updatedAt = Workload.now();
        });
    }

    /**
     * What {@code updateTitle} does: find in a transaction, change the field, flushed at
     * commit.
     */
    @Override
    public void getThenUpdate(long id, String title) {
        updateTitle(id, title);
    }

    @Override
    public List<?> postsWithComments(int parents) {
        return this.transactions.execute(status -> {
            List<EPost> found = this.posts.withComments(parents);
            found.forEach(post -> post.comments.size());
            return found;
        });
    }

    @Override
    public List<?> postsWithTags(int parents) {
        return this.transactions.execute(status -> {
            List<EPost> found = this.posts.withTags(parents);
            found.forEach(post -> post.tags.size());
            return found;
        });
    }

    @Override
    public List<?> derivedQuery(long authorId, String titlePrefix) {
        return this.posts.findTop10ByAuthorIdAndPublishedTrueAndTitleStartingWithOrderByTitle(authorId, titlePrefix);
    }

    @Override
    public Object jsonRoundTrip(int n) {
        Profile source = Profile.numbered(n);
        EProfile profile = new EProfile();
        profile.name = source.name;
        profile.address = source.address;
        this.profiles.save(profile);
        return this.profiles.findById(profile.id).orElseThrow();
    }

    @Override
    public void upsertCounters(int round) {
        List<ECounter> batch = new ArrayList<>(2 * BenchDatabase.COUNTERS);
        for (int i = 0; i < 2 * BenchDatabase.COUNTERS; i++) {
            batch.add(new ECounter(BenchDatabase.counterName(round, i), round));
        }
        this.transactions.executeWithoutResult(status -> this.counters.saveAll(batch));
    }

    /**
     * Each entity is detached once read, or the persistence context would hold all
     * 1,000,000.
     */
    @Override
    public long streamEvents() {
        return this.transactions.execute(status -> {
            EntityManager entityManager = EntityManagerFactoryUtils
                .getTransactionalEntityManager(this.entityManagerFactory);
            try (Stream<EEvent> stream = this.events.streamAll()) {
                return stream.mapToLong(event -> {
                    entityManager.detach(event);
                    return event.amount;
                }).sum();
            }
        });
    }

    @Override
    public long threeSteps(int n) {
        return this.transactions.execute(status -> {
            EntityManager entityManager = EntityManagerFactoryUtils
                .getTransactionalEntityManager(this.entityManagerFactory);
            EPost post = EPost.numbered(n, Workload.now());
            entityManager.persist(post);
            EComment comment = new EComment();
            comment.post = post;
            comment.body = "The first comment on post " + n;
            entityManager.persist(comment);
            post.views = 1;
            return post.id;
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
