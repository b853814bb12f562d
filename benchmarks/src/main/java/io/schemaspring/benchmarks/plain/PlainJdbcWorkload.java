package io.schemaspring.benchmarks.plain;

import io.schemaspring.benchmarks.BenchDatabase;
import io.schemaspring.benchmarks.PostCommentCount;
import io.schemaspring.benchmarks.Workload;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/** Hand-written JDBC: PreparedStatement and manual mapping, the floor. */
public class PlainJdbcWorkload implements Workload {

    static final String COLUMNS = "id, title, body, views, published, author_id, inserted_at, updated_at";
    static final String DERIVED = "SELECT " + COLUMNS + " FROM bench_posts WHERE author_id = ? AND published = TRUE "
            + "AND title LIKE ? ORDER BY title LIMIT 10";
    static final String INSERT = "INSERT INTO bench_posts (title, body, views, published, author_id, inserted_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";

    static final String COMMENT_COUNTS = "SELECT p.id, p.title, COUNT(c.id) FROM bench_posts p JOIN bench_comments c "
            + "ON c.post_id = p.id WHERE p.id <= ? GROUP BY p.id, p.title ORDER BY p.id";
    static final String INSERT_COMMENT = "INSERT INTO bench_comments (post_id, body) VALUES (?, ?)";

    private final DataSource dataSource;

    private final String database;

    private final JsonMapper json = JsonMapper.builder().build();

    public PlainJdbcWorkload(DataSource dataSource, String database) {
        this.dataSource = dataSource;
        this.database = database;
    }

    static Event readEvent(ResultSet rs) throws SQLException {
        Event event = new Event();
        event.id = rs.getLong(1);
        event.name = rs.getString(2);
        event.amount = rs.getInt(3);
        return event;
    }

    static PostCommentCount readCommentCount(ResultSet rs) throws SQLException {
        return new PostCommentCount(rs.getLong(1), rs.getString(2), rs.getLong(3));
    }

    static Post readPost(ResultSet rs, int first) throws SQLException {
        Post post = new Post();
        post.id = rs.getLong(first);
        post.title = rs.getString(first + 1);
        post.body = rs.getString(first + 2);
        int views = rs.getInt(first + 3);
        post.views = rs.wasNull() ? null : views;
        post.published = rs.getBoolean(first + 4);
        long author = rs.getLong(first + 5);
        post.authorId = rs.wasNull() ? null : author;
        post.insertedAt = rs.getObject(first + 6, LocalDateTime.class);
        post.updatedAt = rs.getObject(first + 7, LocalDateTime.class);
        return post;
    }

    static void bindPost(PreparedStatement statement, Post post) throws SQLException {
        statement.setString(1, post.title);
        statement.setString(2, post.body);
        statement.setObject(3, post.views);
        statement.setBoolean(4, post.published);
        statement.setObject(5, post.authorId);
        statement.setObject(6, post.insertedAt);
        statement.setObject(7, post.updatedAt);
    }

    @Override
    public Object getById(long id) {
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement statement = connection
                    .prepareStatement("SELECT " + COLUMNS + " FROM bench_posts WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? readPost(rs, 1) : null;
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public List<?> all() {
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM bench_posts");
                ResultSet rs = statement.executeQuery()) {
            List<Post> posts = new ArrayList<>();
            while (rs.next()) {
                posts.add(readPost(rs, 1));
            }
            return posts;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void insertOne(int n) {
        Post post = Post.numbered(n);
        post.insertedAt = Workload.now();
        post.updatedAt = post.insertedAt;
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INSERT, new String[] { "id" })) {
            bindPost(statement, post);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                post.id = keys.getLong(1);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public int insertAll(int count) {
        LocalDateTime now = Workload.now();
        try (Connection connection = this.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < count; i++) {
                    Post post = Post.numbered(i);
                    post.insertedAt = now;
                    post.updatedAt = now;
                    bindPost(statement, post);
                    statement.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        statement.executeBatch();
                    }
                }
                statement.executeBatch();
                connection.commit();
            }
            finally {
                connection.setAutoCommit(true);
            }
            return count;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void updateTitle(long id, String title) {
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement statement = connection
                    .prepareStatement("UPDATE bench_posts SET title = ?, updated_at = ? WHERE id = ?")) {
            statement.setString(1, title);
            statement.setObject(2, Workload.now());
            statement.setLong(3, id);
            statement.executeUpdate();
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private List<Post> postsUpTo(Connection connection, int parents) throws SQLException {
        try (PreparedStatement statement = connection
            .prepareStatement("SELECT " + COLUMNS + " FROM bench_posts WHERE id <= ?")) {
            statement.setLong(1, parents);
            try (ResultSet rs = statement.executeQuery()) {
                List<Post> posts = new ArrayList<>();
                while (rs.next()) {
                    posts.add(readPost(rs, 1));
                }
                return posts;
            }
        }
    }

    static String inList(int size) {
        return String.join(", ", Collections.nCopies(size, "?"));
    }

    @Override
    public List<?> postsWithComments(int parents) {
        try (Connection connection = this.dataSource.getConnection()) {
            List<Post> posts = postsUpTo(connection, parents);
            Map<Long, Post> byId = new HashMap<>();
            posts.forEach(post -> {
                post.comments = new ArrayList<>();
                byId.put(post.id, post);
            });
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, post_id, body FROM bench_comments WHERE post_id IN (" + inList(posts.size()) + ")")) {
                for (int i = 0; i < posts.size(); i++) {
                    statement.setLong(i + 1, posts.get(i).id);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Comment comment = new Comment();
                        comment.id = rs.getLong(1);
                        comment.postId = rs.getLong(2);
                        comment.body = rs.getString(3);
                        byId.get(comment.postId).comments.add(comment);
                    }
                }
            }
            return posts;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public List<?> postsWithTags(int parents) {
        try (Connection connection = this.dataSource.getConnection()) {
            List<Post> posts = postsUpTo(connection, parents);
            Map<Long, Post> byId = new HashMap<>();
            posts.forEach(post -> {
                post.tags = new ArrayList<>();
                byId.put(post.id, post);
            });
            try (PreparedStatement statement = connection
                .prepareStatement("SELECT j.post_id, t.id, t.name FROM bench_tags t "
                        + "JOIN bench_posts_tags j ON j.tag_id = t.id WHERE j.post_id IN (" + inList(posts.size())
                        + ")")) {
                for (int i = 0; i < posts.size(); i++) {
                    statement.setLong(i + 1, posts.get(i).id);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Tag tag = new Tag();
                        tag.id = rs.getLong(2);
                        tag.name = rs.getString(3);
                        byId.get(rs.getLong(1)).tags.add(tag);
                    }
                }
            }
            return posts;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public List<?> derivedQuery(long authorId, String titlePrefix) {
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(DERIVED)) {
            statement.setLong(1, authorId);
            statement.setString(2, titlePrefix + "%");
            try (ResultSet rs = statement.executeQuery()) {
                List<Post> posts = new ArrayList<>();
                while (rs.next()) {
                    posts.add(readPost(rs, 1));
                }
                return posts;
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public Object jsonRoundTrip(int n) {
        Profile profile = Profile.numbered(n);
        try (Connection connection = this.dataSource.getConnection()) {
            try (PreparedStatement insert = connection
                .prepareStatement("INSERT INTO bench_profiles (name, address) VALUES (?, ?)", new String[] { "id" })) {
                insert.setString(1, profile.name);
                insert.setString(2, this.json.writeValueAsString(profile.address));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    profile.id = keys.getLong(1);
                }
            }
            try (PreparedStatement select = connection
                .prepareStatement("SELECT id, name, address FROM bench_profiles WHERE id = ?")) {
                select.setLong(1, profile.id);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    Profile loaded = new Profile();
                    loaded.id = rs.getLong(1);
                    loaded.name = rs.getString(2);
                    loaded.address = this.json.readValue(rs.getString(3), Profile.Address.class);
                    return loaded;
                }
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void getThenUpdate(long id, String title) {
        Post post = (Post) getById(id);
        updateTitle(post.id, title);
    }

    @Override
    public void upsertCounters(int round) {
        try (Connection connection = this.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(Upserts.counter(this.database))) {
                for (int i = 0; i < 2 * BenchDatabase.COUNTERS; i++) {
                    statement.setString(1, BenchDatabase.counterName(round, i));
                    statement.setInt(2, round);
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            }
            catch (SQLException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public long streamEvents() {
        try (Connection connection = this.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection
                .prepareStatement("SELECT id, name, amount FROM bench_events")) {
                statement.setFetchSize(500);
                long sum = 0;
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sum += readEvent(rs).amount;
                    }
                }
                connection.commit();
                return sum;
            }
            catch (SQLException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public long threeSteps(int n) {
        Post post = Post.numbered(n);
        post.insertedAt = Workload.now();
        post.updatedAt = post.insertedAt;
        try (Connection connection = this.dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] { "id" });
                    PreparedStatement comment = connection.prepareStatement(INSERT_COMMENT);
                    PreparedStatement views = connection
                        .prepareStatement("UPDATE bench_posts SET views = ? WHERE id = ?")) {
                bindPost(insert, post);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    post.id = keys.getLong(1);
                }
                comment.setLong(1, post.id);
                comment.setString(2, "The first comment on post " + n);
                comment.executeUpdate();
                views.setInt(1, 1);
                views.setLong(2, post.id);
                views.executeUpdate();
                connection.commit();
                return post.id;
            }
            catch (SQLException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(true);
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public List<PostCommentCount> commentCounts() {
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(COMMENT_COUNTS)) {
            statement.setInt(1, BenchDatabase.PARENTS);
            List<PostCommentCount> counts = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.add(readCommentCount(rs));
                }
            }
            return counts;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public List<?> postsUpTo(int count) {
        try (Connection connection = this.dataSource.getConnection();
                PreparedStatement statement = connection
                    .prepareStatement("SELECT " + COLUMNS + " FROM bench_posts WHERE id <= ?")) {
            statement.setInt(1, count);
            List<Post> posts = new ArrayList<>(count);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    posts.add(readPost(rs, 1));
                }
            }
            return posts;
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
