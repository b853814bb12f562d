package io.schemaspring.sample.web;

import io.schemaspring.query.Expr;
import io.schemaspring.query.Over;
import io.schemaspring.query.Query;
import io.schemaspring.query.Query.Direction;
import io.schemaspring.query.Query.Op;
import io.schemaspring.repo.Repo;
import io.schemaspring.query.Selection;
import io.schemaspring.sample.blog.Post;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads beyond one table: a search over title, body and tags, and the authors'
 * statistics: counts per author, and each author's published posts ranked by length.
 */
@RestController
public class BlogQueriesController {

    /** One author's row of the statistics. */
    public record AuthorStats(Long userId, String name, long posts, Double averageWords) {
    }

    /** A published post's place among its author's published posts, longest first. */
    public record RankedPost(Long id, String title, String author, Integer wordCount, long rank) {
    }

    private final Repo repo;

    public BlogQueriesController(Repo repo) {
        this.repo = repo;
    }

    /**
     * Posts whose title or body contains {@code q} in any case, and that carry the tag
     * {@code tag} when one is given; newest first, at most 50.
     */
    @GetMapping("/api/posts/search")
    public List<Post> search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) String tag) {
        String pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        Query<Post> query = Query.from(Post.class)
            .where(Expr.or(Expr.compare("title", Op.ILIKE, pattern), Expr.compare("body", Op.ILIKE, pattern)));
        if (tag != null && !tag.isBlank()) {
            query = query.join("tags").where("tags.name", tag.trim().toLowerCase(Locale.ROOT));
        }
        return this.repo.all(query.orderBy("insertedAt", Direction.DESC).orderBy("id", Direction.DESC).limit(50));
    }

    /**
     * Every author with posts: how many, and their average length in words; most posts
     * first.
     */
    @GetMapping("/api/users/stats")
    public List<AuthorStats> stats() {
        return this.repo.all(Query.from(Post.class)
            .join("user")
            .orderBy("posts", Direction.DESC)
            .orderBy("userId")
            .select(AuthorStats.class, Selection.field("userId"), Selection.field("user.name").as("name"),
                    Selection.count().as("posts"), Selection.avg("wordCount").as("averageWords"))
            .groupBy("userId", "user.name"));
    }

    /**
     * Each author's published posts ranked by length within the author (ties share a
     * rank): a common table expression of the published posts joined to their authors,
     * and {@code rank()} over a window per author, Ecto's {@code with_cte} and
     * {@code over}.
     */
    @GetMapping("/api/posts/longest")
    public List<RankedPost> longest() {
        Query<Post> published = Query.from(Post.class).where("published", true);
        return this.repo.all(Query.fromCte("published", Post.class)
            .with("published", published)
            .join("user")
            .orderBy("user.name")
            .orderBy("rank")
            .orderBy("id")
            .select(RankedPost.class, Selection.field("id"), Selection.field("title"),
                    Selection.field("user.name").as("author"), Selection.field("wordCount"),
                    Selection.rank()
                        .over(Over.window().partitionBy("userId").orderBy("wordCount", Direction.DESC))
                        .as("rank")));
    }

}
