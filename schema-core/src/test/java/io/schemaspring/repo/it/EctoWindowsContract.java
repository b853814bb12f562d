package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.query.Over;
import io.schemaspring.query.Query;
import io.schemaspring.query.Selection;
import io.schemaspring.repo.it.ecto.Comment;
import io.schemaspring.repo.it.ecto.Post;
import io.schemaspring.repo.it.ecto.User;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Ecto's {@code integration_test/cases/windows.exs} (elixir-ecto/ecto), and the window
 * functions Ecto's query API has beside {@code over}, on every database of
 * {@link TestDatabase}. Ecto's {@code select: [c, value]} (the struct and a value) is a
 * record of the comment's fields and the value here; its queries have no {@code order_by}
 * and rely on insertion order, these order by id.
 */
abstract class EctoWindowsContract extends EctoContract {

    record CommentCount(Long id, String text, Long count) {
    }

    record CounterSum(Long counter, Long sum) {
    }

    record CounterSums(Long counter, Long one, Long two) {
    }

    record CommentText(Long id, String text) {
    }

    record Windowed(Long id, Long number, Long rank, Long denseRank, String previous, String afterNext, String first,
            String last, Long running) {
    }

    /** Ecto's four comments: "1" to "3" by Tester, "4" by Developer. */
    private List<Comment> threeByTesterOneByDeveloper() {
        User tester = this.repo.insert(User.named("Tester"));
        User developer = this.repo.insert(User.named("Developer"));
        return List.of(comment("1", tester), comment("2", tester), comment("3", tester), comment("4", developer));
    }

    private Comment comment(String text, User author) {
        Comment comment = Comment.text(text);
        comment.authorId = author.id;
        return this.repo.insert(comment);
    }

    /** Ecto: "over". */
    @Test
    void overCountsTheRowsOfEachRowsWindow() {
        List<Comment> inserted = threeByTesterOneByDeveloper();
        Comment c1 = inserted.get(0);
        Comment c2 = inserted.get(1);
        Comment c3 = inserted.get(2);
        Comment c4 = inserted.get(3);
        Query<Comment> comments = Query.from(Comment.class).orderBy("id");

        // Over nothing
        assertThat(this.repo.all(comments.select(CommentCount.class, Selection.field("id"), Selection.field("text"),
                Selection.count("id").over(Over.window()).as("count"))))
            .containsExactly(new CommentCount(c1.id, "1", 4L), new CommentCount(c2.id, "2", 4L),
                    new CommentCount(c3.id, "3", 4L), new CommentCount(c4.id, "4", 4L));

        // Over partition
        assertThat(this.repo.all(comments.select(CommentCount.class, Selection.field("id"), Selection.field("text"),
                Selection.count("id").over(Over.window().partitionBy("authorId")).as("count"))))
            .containsExactly(new CommentCount(c1.id, "1", 3L), new CommentCount(c2.id, "2", 3L),
                    new CommentCount(c3.id, "3", 3L), new CommentCount(c4.id, "4", 1L));

        // Over window
        this.dataSource.reset();
        assertThat(
                this.repo.all(comments
                    .select(CommentCount.class, Selection.field("id"), Selection.field("text"),
                            Selection.count("id").over("w").as("count"))
                    .window("w", Over.window().partitionBy("authorId"))))
            .containsExactly(new CommentCount(c1.id, "1", 3L), new CommentCount(c2.id, "2", 3L),
                    new CommentCount(c3.id, "3", 3L), new CommentCount(c4.id, "4", 1L));
        assertThat(this.dataSource.statements())
            .containsExactly(sql("SELECT \"id\", \"text\", COUNT(\"id\") OVER \"w\" FROM \"ecto_comments\" "
                    + "WINDOW \"w\" AS (PARTITION BY \"author_id\") ORDER BY \"id\""));
    }

    /** Ecto: "frame". */
    @Test
    void framesBoundTheRowsAWindowAggregates() {
        List<Post> posts = new ArrayList<>();
        for (int counter = 0; counter <= 6; counter++) {
            Post post = new Post();
            post.counter = (long) counter;
            post.visits = (int) Math.round(Math.pow(2, counter));
            posts.add(post);
        }
        this.repo.insertAll(posts);
        Query<Post> byCounter = Query.from(Post.class).orderBy("counter");

        int n = 1;
        assertThat(this.repo.all(byCounter
            .select(CounterSum.class, Selection.field("counter"), Selection.sum("visits").over("w").as("sum"))
            .window("w", Over.window().orderBy("counter").frame("ROWS BETWEEN ? PRECEDING AND ? FOLLOWING", n, n))))
            .extracting(CounterSum::sum)
            .containsExactly(3L, 7L, 14L, 28L, 56L, 112L, 96L);

        assertThat(this.repo.all(byCounter
            .select(CounterSum.class, Selection.field("counter"), Selection.sum("visits").over("w").as("sum"))
            .window("w", Over.window().orderBy("counter").frame("ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING"))))
            .extracting(CounterSum::sum)
            .containsExactly(126L, 124L, 120L, 112L, 96L, 64L, null);

        assertThat(this.repo.all(byCounter
            .select(CounterSum.class, Selection.field("counter"), Selection.sum("visits").over("w").as("sum"))
            .window("w", Over.window().orderBy("counter").frame("ROWS CURRENT ROW")))).extracting(CounterSum::sum)
            .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L);

        Over one = Over.window().orderBy("counter").frame("ROWS BETWEEN ? PRECEDING AND CURRENT ROW", 1);
        Over two = Over.window().orderBy("counter").frame("ROWS BETWEEN ? PRECEDING AND CURRENT ROW", 2);
        Selection[] sums = { Selection.field("counter"), Selection.sum("visits").over("one").as("one"),
                Selection.sum("visits").over("two").as("two") };
        List<CounterSums> inOrder = this.repo
            .all(byCounter.select(CounterSums.class, sums).window("one", one).window("two", two));
        List<CounterSums> reversed = this.repo
            .all(byCounter.select(CounterSums.class, sums).window("two", two).window("one", one));
        assertThat(inOrder).extracting(CounterSums::two).containsExactly(1L, 3L, 7L, 14L, 28L, 56L, 112L);
        assertThat(reversed).as("windows named in another order bind their frames in that order").isEqualTo(inOrder);
    }

    /**
     * Ecto's window functions ({@code row_number}, {@code rank}, {@code dense_rank},
     * {@code lag}, {@code lead}, {@code first_value}, {@code last_value}) and a running
     * count, each over its own window, a frame's parameters bound before the query's.
     */
    @Test
    void windowFunctionsNumberRankAndLookAcrossRows() {
        List<Comment> inserted = threeByTesterOneByDeveloper();
        Comment c1 = inserted.get(0);
        Comment c2 = inserted.get(1);
        Comment c3 = inserted.get(2);
        Comment c4 = inserted.get(3);
        Over byAuthor = Over.window().partitionBy("authorId").orderBy("id");

        List<Windowed> rows = this.repo.all(Query.from(Comment.class)
            .where("text", Query.Op.NOT_EQ, "none")
            .orderBy("id")
            .select(Windowed.class, Selection.field("id"), Selection.rowNumber().over(byAuthor).as("number"),
                    Selection.rank().over(Over.window().orderBy("authorId")).as("rank"),
                    Selection.denseRank().over(Over.window().orderBy("authorId")).as("denseRank"),
                    Selection.lag("text").over(byAuthor).as("previous"),
                    Selection.lead("text", 2).over(Over.window().orderBy("id")).as("afterNext"),
                    Selection.firstValue("text").over(byAuthor).as("first"),
                    Selection.lastValue("text")
                        .over(byAuthor.frame("ROWS BETWEEN UNBOUNDED PRECEDING AND ? FOLLOWING", 10))
                        .as("last"),
                    Selection.count("id").over(Over.window().orderBy("id")).as("running")));

        assertThat(this.repo.all(Query.from(Comment.class)
            .orderBy("id")
            .select(CommentText.class, Selection.field("id"), Selection.lag("text", 0).over(byAuthor).as("text"))))
            .extracting(CommentText::text)
            .containsExactly("1", "2", "3", "4");
        assertThat(rows).containsExactly(new Windowed(c1.id, 1L, 1L, 1L, null, "3", "1", "3", 1L),
                new Windowed(c2.id, 2L, 1L, 1L, "1", "4", "1", "3", 2L),
                new Windowed(c3.id, 3L, 1L, 1L, "2", null, "1", "3", 3L),
                new Windowed(c4.id, 1L, 4L, 2L, null, null, "4", "4", 4L));
    }

    @Test
    void windowsAreRefusedBeforeAnySqlWhereTheyCannotRun() {
        this.dataSource.reset();
        assertThatThrownBy(() -> this.repo.all(Query.from(Comment.class)
            .select(CommentCount.class, Selection.field("id"), Selection.field("text"),
                    Selection.rowNumber().as("count"))))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("row_number() as count is a window function: give it a window with over(Over) or over(name)");
        assertThatThrownBy(() -> this.repo.all(Query.from(Comment.class)
            .select(CommentCount.class, Selection.field("id"), Selection.field("text"),
                    Selection.count("id").over("w").as("count"))
            .window("v", Over.window()))).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("count(id) over w as count runs over the window w, which the projection does not name: "
                    + "add .window(\"w\", Over.window()...); it names [v]");
        assertThatThrownBy(() -> Selection.field("id").over(Over.window()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("over takes an aggregate or a window function, not the field id");
        assertThatThrownBy(() -> Selection.lag("text", -1)).isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("lag takes a non-negative offset, got -1");
        assertThat(this.dataSource.statements()).isEmpty();
    }

}
