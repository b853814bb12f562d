package io.schemaspring.benchmarks.plain;

import io.schemaspring.benchmarks.BenchDatabase;
import io.schemaspring.benchmarks.PostCommentCount;
import io.schemaspring.benchmarks.Workload;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * JdbcTemplate with hand-written RowMappers: the baseline the starter's targets are set
 * against.
 */
public class JdbcTemplateWorkload implements Workload {

    private static final RowMapper<Post> POSTS = (rs, row) -> PlainJdbcWorkload.readPost(rs, 1);

    private static final RowMapper<Event> EVENTS = (rs, row) -> PlainJdbcWorkload.readEvent(rs);

    private final JdbcTemplate jdbc;

    private final JdbcTemplate streaming;

    private final TransactionTemplate transactions;

    private final String database;

    private final JsonMapper json = JsonMapper.builder().build();

    public JdbcTemplateWorkload(DataSource dataSource, String database) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.database = database;
    }

    @Override
    public Object getById(long id) {
        return this.jdbc.queryForObject("SELECT " + PlainJdbcWorkload.COLUMNS + " FROM bench_posts WHERE id = ?", POSTS,
                id);
    }

    @Override
    public List<?> all() {
        return this.jdbc.query("SELECT " + PlainJdbcWorkload.COLUMNS + " FROM bench_posts", POSTS);
    }

    @Override
    public void insertOne(int n) {
        Post post = Post.numbered(n);
        post.insertedAt = Workload.now();
        post.updatedAt = post.insertedAt;
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(PlainJdbcWorkload.INSERT, new String[] { "id" });
            PlainJdbcWorkload.bindPost(statement, post);
            return statement;
        }, keys);
        post.id = keys.getKey().longValue();
    }

    @Override
    public int insertAll(int count) {
        LocalDateTime now = Workload.now();
        List<Post> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Post post = Post.numbered(i);
            post.insertedAt = now;
            post.updatedAt = now;
            posts.add(post);
        }
        this.transactions.executeWithoutResult(
                status -> this.jdbc.batchUpdate(PlainJdbcWorkload.INSERT, posts, 1000, PlainJdbcWorkload::bindPost));
        return count;
    }

    @Override
    public void updateTitle(long id, String title) {
        this.jdbc.update("UPDATE bench_posts SET title = ?, updated_at = ? WHERE id = ?", title, Workload.now(), id);
    }

    @Override
    public List<?> postsWithComments(int parents) {
        List<Post> posts = this.jdbc.query("SELECT " + PlainJdbcWorkload.COLUMNS + " FROM bench_posts WHERE id <= ?",
                POSTS, parents);
        Map<Long, Post> byId = new HashMap<>();
        posts.forEach(post -> {
            post.comments = new ArrayList<>();
            byId.put(post.id, post);
        });
        for (Object[] keys : chunks(posts)) {
            this.jdbc.query("SELECT id, post_id, body FROM bench_comments WHERE post_id IN ("
                    + PlainJdbcWorkload.inList(keys.length) + ")", rs -> {
                        Comment comment = new Comment();
                        comment.id = rs.getLong(1);
                        comment.postId = rs.getLong(2);
                        comment.body = rs.getString(3);
                        byId.get(comment.postId).comments.add(comment);
                    }, keys);
        }
        return posts;
    }

    @Override
    public List<?> postsWithTags(int parents) {
        List<Post> posts = this.jdbc.query("SELECT " + PlainJdbcWorkload.COLUMNS + " FROM bench_posts WHERE id <= ?",
                POSTS, parents);
        Map<Long, Post> byId = new HashMap<>();
        posts.forEach(post -> {
            post.tags = new ArrayList<>();
            byId.put(post.id, post);
        });
        for (Object[] keys : chunks(posts)) {
            this.jdbc
                .query("SELECT j.post_id, t.id, t.name FROM bench_tags t JOIN bench_posts_tags j ON j.tag_id = t.id "
                        + "WHERE j.post_id IN (" + PlainJdbcWorkload.inList(keys.length) + ")", rs -> {
                            Tag tag = new Tag();
                            tag.id = rs.getLong(2);
                            tag.name = rs.getString(3);
                            byId.get(rs.getLong(1)).tags.add(tag);
                        }, keys);
        }
        return posts;
    }

    /**
     * The posts' ids, 1,000 per IN list: PostgreSQL takes at most 32,767 parameters in a
     * statement.
     */
    private static List<Object[]> chunks(List<Post> posts) {
        List<Object[]> chunks = new ArrayList<>();
        for (int from = 0; from < posts.size(); from += 1000) {
            List<Post> chunk = posts.subList(from, Math.min(posts.size(), from + 1000));
            chunks.add(chunk.stream().map(post -> (Object) post.id).toArray());
        }
        return chunks;
    }

    @Override
    public List<?> derivedQuery(long authorId, String titlePrefix) {
        return this.jdbc.query(PlainJdbcWorkload.DERIVED, POSTS, authorId, titlePrefix + "%");
    }

    @Override
    public Object jsonRoundTrip(int n) {
        Profile profile = Profile.numbered(n);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.update(connection -> {
            PreparedStatement statement = connection
                .prepareStatement("INSERT INTO bench_profiles (name, address) VALUES (?, ?)", new String[] { "id" });
            statement.setString(1, profile.name);
            statement.setString(2, this.json.writeValueAsString(profile.address));
            return statement;
        }, keys);
        return this.jdbc.queryForObject("SELECT id, name, address FROM bench_profiles WHERE id = ?", (rs, row) -> {
            Profile loaded = new Profile();
            loaded.id = rs.getLong(1);
            loaded.name = rs.getString(2);
            loaded.address = this.json.readValue(rs.getString(3), Profile.Address.class);
            return loaded;
        }, keys.getKey().longValue());
    }

    @Override
    public void getThenUpdate(long id, String title) {
        Post post = (Post) getById(id);
        updateTitle(post.id, title);
    }

    @Override
    public void upsertCounters(int round) {
        List<String> names = new ArrayList<>(2 * BenchDatabase.COUNTERS);
        for (int i = 0; i < 2 * BenchDatabase.COUNTERS; i++) {
            names.add(BenchDatabase.counterName(round, i));
        }
        this.transactions.executeWithoutResult(status -> this.jdbc.batchUpdate(Upserts.counter(this.database), names,
                names.size(), (statement, name) -> {
                    statement.setString(1, name);
                    statement.setInt(2, round);
                }));
    }

    /**
     * {@code queryForStream} in a transaction, 500 rows per fetch: PostgreSQL's driver
     * reads through a cursor only so.
     */
    @Override
    public long streamEvents() {
        return this.transactions.execute(status -> {
            try (Stream<Event> events = this.streaming.queryForStream("SELECT id, name, amount FROM bench_events",
                    EVENTS)) {
                return events.mapToLong(event -> event.amount).sum();
            }
        });
    }

    @Override
    public long threeSteps(int n) {
        Post post = Post.numbered(n);
        post.insertedAt = Workload.now();
        post.updatedAt = post.insertedAt;
        return this.transactions.execute(status -> {
            GeneratedKeyHolder keys = new GeneratedKeyHolder();
            this.jdbc.update(connection -> {
                PreparedStatement statement = connection.prepareStatement(PlainJdbcWorkload.INSERT,
                        new String[] { "id" });
                PlainJdbcWorkload.bindPost(statement, post);
                return statement;
            }, keys);
            post.id = keys.getKey().longValue();
            this.jdbc.update(PlainJdbcWorkload.INSERT_COMMENT, post.id, "The first comment on post " + n);
            this.jdbc.update("UPDATE bench_posts SET views = ? WHERE id = ?", 1, post.id);
            return post.id;
        });
    }

    @Override
    public List<PostCommentCount> commentCounts() {
        return this.jdbc.query(PlainJdbcWorkload.COMMENT_COUNTS, (rs, row) -> PlainJdbcWorkload.readCommentCount(rs),
                BenchDatabase.PARENTS);
    }

    @Override
    public List<?> postsUpTo(int count) {
        return this.jdbc.query("SELECT " + PlainJdbcWorkload.COLUMNS + " FROM bench_posts WHERE id <= ?", POSTS, count);
    }

}
