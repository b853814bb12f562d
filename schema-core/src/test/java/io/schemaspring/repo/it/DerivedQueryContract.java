package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.repo.Repo;
import io.schemaspring.data.RepositoryDefinitionException;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.it.fixtures.Author;
import io.schemaspring.repo.it.fixtures.BrokenPostRepositories;
import io.schemaspring.query.Query;
import io.schemaspring.repo.InvalidSortException;
import io.schemaspring.repo.it.fixtures.Comment;
import io.schemaspring.repo.it.fixtures.Post;
import io.schemaspring.repo.it.fixtures.PostLabel;
import io.schemaspring.repo.it.fixtures.PostRepository;
import io.schemaspring.repo.it.fixtures.PostRepository.PostSummary;
import io.schemaspring.repo.it.fixtures.PostRepository.TitleOnly;
import io.schemaspring.repo.it.fixtures.PostRepositoryCustomImpl;
import io.schemaspring.repo.it.fixtures.Tag;
import io.schemaspring.data.support.SchemaRepositoryFactory;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Example;
import org.springframework.data.domain.ExampleMatcher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.repository.core.support.RepositoryComposition.RepositoryFragments;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Data repository interfaces built by {@link SchemaRepositoryFactory} on a
 * {@link Repo}: derived queries, {@code @SqlQuery}, projections, fragments and prefixes,
 * run unchanged on every database of {@link TestDatabase}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DerivedQueryContract {

    SingleConnectionDataSource connection;

    CountingDataSource dataSource;

    Repo repo;

    JdbcTemplate jdbc;

    PostRepository posts;

    Author ann;

    Author bob;

    abstract TestDatabase database();

    @BeforeAll
    void connect() throws Exception {
        database().requireReachable();
        this.connection = new SingleConnectionDataSource(database().url(), true);
        try (Connection raw = this.connection.getConnection()) {
            ScriptUtils.executeSqlScript(raw, new ClassPathResource(database().script()));
        }
        SchemaRegistry registry = SchemaRegistry.builder()
            .add(Author.class, Post.class, Comment.class, Tag.class, PostLabel.class)
            .build();
        this.dataSource = new CountingDataSource(this.connection);
        this.repo = new Repo(registry, new JdbcTemplate(this.dataSource), DialectResolver.resolve(this.connection),
                JsonMapper.builder().build(), new DataSourceTransactionManager(this.connection), RepoContract.CLOCK);
        this.jdbc = new JdbcTemplate(this.connection);
        this.posts = new SchemaRepositoryFactory(this.repo).getRepository(PostRepository.class,
                RepositoryFragments.just(new PostRepositoryCustomImpl(this.repo)));
    }

    @AfterAll
    void disconnect() {
        if (this.connection != null) {
            this.connection.destroy();
        }
    }

    @BeforeEach
    void seed() {
        for (String prefix : List.of("", "tenant_b.")) {
            RepoContract.TABLES.forEach(table -> this.jdbc.update("DELETE FROM " + prefix + table));
        }
        this.ann = this.repo.insert(Author.named("ann"));
        this.bob = this.repo.insert(Author.named("bob"));
        post("Dune", 5, true, this.ann);
        post("Emma", 3, true, this.ann);
        post("Dracula", 4, false, this.bob);
        post("100% Elixir", null, false, this.ann);
        post("Odes", 1, true, this.bob);
    }

    private Post post(String title, Integer rating, boolean published, Author author) {
        Post post = Post.titled(title, author);
        post.rating = rating;
        post.published = published;
        return this.repo.insert(post);
    }

    private static List<String> titles(List<Post> posts) {
        return posts.stream().map(post -> post.title).toList();
    }

    private static final Sort BY_TITLE = Sort.by("title");

    @Test
    void equalityAnswersAnOptionalOrTheStructOrNull() {
        assertThat(this.posts.findByTitle("Dune")).map(post -> post.rating).contains(5);
        assertThat(this.posts.findByTitle("Nope")).isEmpty();
        assertThat(this.posts.getByTitle("Emma").rating).isEqualTo(3);
        assertThat(this.posts.getByTitle("Nope")).isNull();
    }

    @Test
    void comparisonsBooleansAndBetween() {
        assertThat(titles(this.posts.findByPublishedTrueOrderByTitleAsc())).containsExactly("Dune", "Emma", "Odes");
        assertThat(titles(this.posts.findByPublishedFalseAndRatingGreaterThanEqual(4, BY_TITLE)))
            .containsExactly("Dracula");
        assertThat(titles(this.posts.findByRatingBetweenOrderByRatingDesc(3, 5))).containsExactly("Dune", "Dracula",
                "Emma");
        assertThat(titles(this.posts.findByRatingLessThan(4, BY_TITLE))).containsExactly("Emma", "Odes");
    }

    @Test
    void inNotInNullAndNot() {
        assertThat(titles(this.posts.findByRatingIn(List.of(1, 5), BY_TITLE))).containsExactly("Dune", "Odes");
        assertThat(titles(this.posts.findByRatingIn(List.of(), BY_TITLE))).isEmpty();
        assertThat(titles(this.posts.findByRatingNotIn(List.of(1, 5), BY_TITLE))).containsExactly("Dracula", "Emma");
        assertThat(titles(this.posts.findByRatingIsNull())).containsExactly("100% Elixir");
        assertThat(titles(this.posts.findByTitleNot("Dune", BY_TITLE))).containsExactly("100% Elixir", "Dracula",
                "Emma", "Odes");
    }

    @Test
    void likeTakesThePatternAndStartingEndingContainingMatchTheArgumentLiterally() {
        assertThat(titles(this.posts.findByTitleLike("D%", BY_TITLE))).containsExactly("Dracula", "Dune");
        assertThat(titles(this.posts.findByTitleStartingWith("D", BY_TITLE))).containsExactly("Dracula", "Dune");
        assertThat(titles(this.posts.findByTitleEndingWith("a", BY_TITLE))).containsExactly("Dracula", "Emma");
        assertThat(titles(this.posts.findByTitleContaining("%", BY_TITLE))).containsExactly("100% Elixir");
        assertThat(titles(this.posts.findByTitleStartingWith("_", BY_TITLE))).isEmpty();
    }

    @Test
    void firstTopAndDistinct() {
        assertThat(this.posts.findFirstByRatingIsNotNullOrderByRatingDesc().title).isEqualTo("Dune");
        assertThat(titles(this.posts.findTop2ByOrderByTitleDesc())).containsExactly("Odes", "Emma");
        assertThat(titles(this.posts.findDistinctByPublishedTrue(BY_TITLE))).containsExactly("Dune", "Emma", "Odes");
    }

    @Test
    void aPageOfAQueryIsPreloadedAndCountedWithoutItsPreloads() {
        Page<Post> page = this.posts.page(
                io.schemaspring.query.Query.from(Post.class).where("authorId", this.ann.id).preload("author"),
                PageRequest.of(0, 2, BY_TITLE));
        assertThat(page.getContent()).extracting(post -> post.title + " by " + post.author.name)
            .containsExactly("100% Elixir by ann", "Dune by ann");
        assertThat(page.getTotalElements()).isEqualTo(3);
    }

    @Test
    void limitPageSliceAndStream() {
        assertThat(titles(this.posts.findByAuthorIdOrderByTitle(this.ann.id, Limit.of(2))))
            .containsExactly("100% Elixir", "Dune");
        Page<Post> page = this.posts.findByAuthorId(this.ann.id, PageRequest.of(1, 2, BY_TITLE));
        assertThat(titles(page.getContent())).containsExactly("Emma");
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getTotalPages()).isEqualTo(2);
        Slice<Post> first = this.posts.findByPublished(true, PageRequest.of(0, 2, BY_TITLE));
        assertThat(titles(first.getContent())).containsExactly("Dune", "Emma");
        assertThat(first.hasNext()).isTrue();
        Slice<Post> last = this.posts.findByPublished(true, first.nextPageable());
        assertThat(titles(last.getContent())).containsExactly("Odes");
        assertThat(last.hasNext()).isFalse();
        List<String> streamed = new TransactionTemplate(new DataSourceTransactionManager(this.connection))
            .execute(status -> {
                try (Stream<Post> stream = this.posts.streamByAuthorIdOrderByTitle(this.bob.id)) {
                    return stream.map(post -> post.title).toList();
                }
            });
        assertThat(streamed).containsExactly("Dracula", "Odes");
    }

    @Test
    void countExistsAndDeleteSubjects() {
        assertThat(this.posts.countByAuthorId(this.ann.id)).isEqualTo(3);
        assertThat(this.posts.existsByTitle("Emma")).isTrue();
        assertThat(this.posts.existsByTitle("Nope")).isFalse();
        assertThat(this.posts.deleteByRatingLessThan(4)).isEqualTo(2);
        assertThat(titles(this.posts.findAll(BY_TITLE))).containsExactly("100% Elixir", "Dracula", "Dune");
    }

    @Test
    void interfaceRecordAndDynamicProjections() {
        assertThat(this.posts.findTitlesByAuthorIdOrderByTitle(this.bob.id)).extracting(TitleOnly::getTitle)
            .containsExactly("Dracula", "Odes");
        assertThat(this.posts.findSummariesByPublishedTrueOrderByTitle()).containsExactly(new PostSummary("Dune", 5),
                new PostSummary("Emma", 3), new PostSummary("Odes", 1));
        assertThat(this.posts.findByRatingGreaterThanOrderByRating(3, PostSummary.class))
            .containsExactly(new PostSummary("Dracula", 4), new PostSummary("Dune", 5));
        assertThat(this.posts.findByRatingGreaterThanOrderByRating(3, TitleOnly.class)).extracting(TitleOnly::getTitle)
            .containsExactly("Dracula", "Dune");
    }

    @Test
    void closedProjectionsSelectOnlyTheirColumns() {
        this.dataSource.reset();
        assertThat(this.posts.findTitlesByAuthorIdOrderByTitle(this.bob.id)).extracting(TitleOnly::getTitle)
            .containsExactly("Dracula", "Odes");
        assertThat(this.posts.findSummariesByPublishedTrueOrderByTitle()).hasSize(3);
        String quote = database() == TestDatabase.MARIADB ? "`" : "\"";
        java.util.function.UnaryOperator<String> name = column -> quote
                + (database() == TestDatabase.H2 ? column.toUpperCase(java.util.Locale.ROOT) : column) + quote;
        assertThat(this.dataSource.statements()).containsExactly(
                "SELECT " + name.apply("title") + " FROM " + name.apply("posts") + " WHERE " + name.apply("author_id")
                        + " = ? ORDER BY " + name.apply("title"),
                "SELECT " + name.apply("title") + ", " + name.apply("rating") + " FROM " + name.apply("posts")
                        + " WHERE " + name.apply("published") + " = ? ORDER BY " + name.apply("title"));
    }

    @Test
    void pagesSlicesAndStreamsOfClosedProjectionsSelectOnlyTheirColumns() {
        String quote = database() == TestDatabase.MARIADB ? "`" : "\"";
        java.util.function.UnaryOperator<String> name = column -> quote
                + (database() == TestDatabase.H2 ? column.toUpperCase(java.util.Locale.ROOT) : column) + quote;
        this.dataSource.reset();

        Page<PostSummary> page = this.posts.findSummariesByAuthorId(this.ann.id, PageRequest.of(1, 2, BY_TITLE));
        assertThat(page.getContent()).containsExactly(new PostSummary("Emma", 3));
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(page.getTotalPages()).isEqualTo(2);
        assertThat(this.dataSource.statements()).hasSize(2)
            .last()
            .asString()
            .startsWith("SELECT " + name.apply("title") + ", " + name.apply("rating") + " FROM " + name.apply("posts")
                    + " WHERE " + name.apply("author_id") + " = ? ORDER BY " + name.apply("title"));

        Slice<TitleOnly> first = this.posts.findTitlesByPublished(true, PageRequest.of(0, 2, BY_TITLE));
        assertThat(first.getContent()).extracting(TitleOnly::getTitle).containsExactly("Dune", "Emma");
        assertThat(first.hasNext()).isTrue();
        Slice<TitleOnly> last = this.posts.findTitlesByPublished(true, first.nextPageable());
        assertThat(last.getContent()).extracting(TitleOnly::getTitle).containsExactly("Odes");
        assertThat(last.hasNext()).isFalse();

        this.dataSource.reset();
        List<PostSummary> streamed = new TransactionTemplate(new DataSourceTransactionManager(this.connection))
            .execute(status -> {
                try (Stream<PostSummary> stream = this.posts.streamSummariesByAuthorIdOrderByTitle(this.bob.id)) {
                    return stream.toList();
                }
            });
        assertThat(streamed).containsExactly(new PostSummary("Dracula", 4), new PostSummary("Odes", 1));
        assertThat(this.dataSource.statements()).containsExactly(
                "SELECT " + name.apply("title") + ", " + name.apply("rating") + " FROM " + name.apply("posts")
                        + " WHERE " + name.apply("author_id") + " = ? ORDER BY " + name.apply("title"));
        assertThatThrownBy(() -> this.posts.streamSummariesByAuthorIdOrderByTitle(this.bob.id))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("stream needs a transaction");
    }

    @Test
    void sqlQueriesBindNamedParametersAndMapRowsByColumnName() {
        List<Post> dune = this.posts.titled("Dune");
        assertThat(dune).singleElement().satisfies(post -> {
            assertThat(post.rating).isEqualTo(5);
            assertThat(post.authorId).isEqualTo(this.ann.id);
            assertThat(post.published).isTrue();
        });
        assertThat(this.posts.titled("Dune' OR '1'='1")).isEmpty();
        assertThat(this.posts.ratedAtLeast(4)).containsExactly(new PostSummary("Dracula", 4),
                new PostSummary("Dune", 5));
        assertThat(this.posts.titlesOf(this.bob.id)).extracting(TitleOnly::getTitle).containsExactly("Odes", "Dracula");
        assertThat(this.posts.countPublished(true)).isEqualTo(3);
        assertThat(this.posts.rateAll(this.bob.id, 2)).isEqualTo(2);
        assertThat(this.posts.getByTitle("Odes").rating).isEqualTo(2);
    }

    @Test
    void derivedQueriesOfARepositoryBoundToAPrefixRunThere() {
        Author tenantAuthor = this.repo.insert(Author.named("tia"), "tenant_b");
        Post tenantDune = Post.titled("Dune", tenantAuthor);
        tenantDune.rating = 2;
        this.repo.insert(tenantDune, "tenant_b");
        PostRepository tenant = this.posts.withPrefix("tenant_b");
        assertThat(tenant.findByTitle("Dune")).map(post -> post.rating).contains(2);
        assertThat(tenant.countByAuthorId(tenantAuthor.id)).isEqualTo(1);
        assertThat(tenant.findByPublishedTrueOrderByTitleAsc()).isEmpty();
        assertThat(this.repo.prefixOf(tenant.getByTitle("Dune"))).isEqualTo("tenant_b");
        assertThat(this.posts.findByTitle("Dune")).map(post -> post.rating).contains(5);
        assertThat(this.posts.withPrefix("tenant_b")).isSameAs(tenant);
        assertThat(tenant.toString()).isEqualTo("PostRepository<Post> in tenant_b");
        assertThat(this.posts.toString()).isEqualTo("PostRepository<Post>");
        assertThat(tenant.titledInTheRepositorysPrefix("Dune")).extracting(post -> post.rating).containsExactly(2);
        assertThat(this.posts.titledInTheRepositorysPrefix("Dune")).extracting(post -> post.rating).containsExactly(5);
    }

    @Test
    void fragmentsAndInheritedMethodsWorkBesideDerivedQueries() {
        assertThat(this.posts.shoutedTitles()).containsExactly("100% ELIXIR", "DRACULA", "DUNE", "EMMA", "ODES");
        assertThat(this.posts.count()).isEqualTo(5);
        assertThat(this.posts.findById(this.posts.getByTitle("Dune").id)).isPresent();
        assertThatThrownBy(() -> this.posts.withPrefix("tenant_b").shoutedTitles())
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage(
                    "PostRepository.shoutedTitles is a custom fragment method, which cannot know that this repository "
                            + "is bound to prefix \"tenant_b\": call it on the unbound repository and pass the prefix to it, so it "
                            + "never reads another tenant's rows by mistake");
    }

    @Test
    void ignoreCaseWithANullArgumentIsANullTestAndNeedsAStringProperty() {
        assertThat(this.posts.findByTitleIgnoreCase(null)).isEmpty();
    }

    @Test
    void rowsOfAnSqlQueryOnTheRepositorysTableRememberItsPrefix() {
        Author tenantAuthor = this.repo.insert(Author.named("tia"), "tenant_b");
        Post tenantDune = Post.titled("Dune", tenantAuthor);
        this.repo.insert(tenantDune, "tenant_b");
        Post read = this.posts.withPrefix("tenant_b").titledInTheRepositorysPrefix("Dune").get(0);
        assertThat(this.repo.prefixOf(read)).isEqualTo("tenant_b");
        read.rating = 9;
        this.repo.update(read);
        assertThat(this.jdbc.queryForObject("SELECT rating FROM tenant_b.posts WHERE title = 'Dune'", Integer.class))
            .isEqualTo(9);
        assertThat(this.jdbc.queryForObject("SELECT rating FROM posts WHERE title = 'Dune'", Integer.class))
            .isEqualTo(5);
    }

    @Test
    void queryByExampleMatchesTheProbesValues() {
        Post probe = new Post();
        probe.authorId = this.ann.id;
        ExampleMatcher anyPublished = ExampleMatcher.matching().withIgnorePaths("published");
        assertThat(titles(this.posts.findAll(Example.of(probe, anyPublished), BY_TITLE))).containsExactly("100% Elixir",
                "Dune", "Emma");
        probe.published = true;
        assertThat(titles(this.posts.findAll(Example.of(probe), BY_TITLE))).containsExactly("Dune", "Emma");
        assertThat(this.posts.count(Example.of(probe))).isEqualTo(2);
        Post containing = new Post();
        containing.title = "%";
        assertThat(titles(this.posts
            .findAll(Example.of(containing, anyPublished.withStringMatcher(ExampleMatcher.StringMatcher.CONTAINING)))))
            .containsExactly("100% Elixir");
        Post missing = new Post();
        missing.title = "Nope";
        assertThat(this.posts.exists(Example.of(missing, anyPublished))).isFalse();
        assertThat(this.posts.findOne(Example.of(missing, anyPublished))).isEmpty();
        List<TitleOnly> fluent = this.posts.findBy(Example.of(probe),
                query -> query.sortBy(BY_TITLE.descending()).as(TitleOnly.class).all());
        assertThat(fluent).extracting(TitleOnly::getTitle).containsExactly("Emma", "Dune");
        Page<Post> page = this.posts.findAll(Example.of(probe), PageRequest.of(1, 1, BY_TITLE));
        assertThat(titles(page.getContent())).containsExactly("Emma");
        assertThat(page.getTotalElements()).isEqualTo(2);
        assertThat(titles(this.posts.findAll(Example.of(probe, ExampleMatcher.matchingAny()), BY_TITLE)))
            .as("authorId = ann OR published")
            .containsExactly("100% Elixir", "Dune", "Emma", "Odes");
        Post lowerCase = new Post();
        lowerCase.title = "dune";
        assertThat(titles(this.posts.findAll(Example.of(lowerCase, anyPublished.withIgnoreCase()))))
            .containsExactly("Dune");
    }

    @Test
    void orIgnoreCaseAndNotLikeComposeIntoOneQuery() {
        assertThat(titles(this.posts.findByTitleOrRating("Dune", 1, BY_TITLE))).containsExactly("Dune", "Odes");
        assertThat(titles(this.posts.findByTitleIgnoreCase("dUNE"))).containsExactly("Dune");
        assertThat(titles(this.posts.findByTitleContainingIgnoreCaseAndPublishedTrue("D", BY_TITLE)))
            .containsExactly("Dune", "Odes");
        assertThat(titles(this.posts.findByTitleNotLike("D%", BY_TITLE))).containsExactly("100% Elixir", "Emma",
                "Odes");
    }

    @Test
    void propertiesThroughBelongsToJoinTheAssociation() {
        assertThat(titles(this.posts.findByAuthorName("bob", BY_TITLE))).containsExactly("Dracula", "Odes");
        assertThat(titles(this.posts.findByAuthorNameOrderByTitleDesc("ann"))).containsExactly("Emma", "Dune",
                "100% Elixir");
        assertThat(this.posts.countByAuthorName("ann")).isEqualTo(3);
    }

    @Test
    void keysetScrollingContinuesAfterTheLastStructReadWhateverIsInsertedMeanwhile() {
        Query<Post> byTitle = this.posts.query().orderBy("title");
        Window<Post> first = this.posts.scroll(byTitle, ScrollPosition.keyset(), 2);
        assertThat(titles(first.getContent())).containsExactly("100% Elixir", "Dracula");
        assertThat(first.hasNext()).isTrue();

        post("Aaa", 2, true, this.ann);
        post("Drz", 2, true, this.bob);
        this.dataSource.reset();
        Window<Post> second = this.posts.scroll(byTitle, first.positionAt(first.size() - 1), 2);
        assertThat(titles(second.getContent())).containsExactly("Drz", "Dune");
        String quote = database() == TestDatabase.MARIADB ? "`" : "\"";
        java.util.function.UnaryOperator<String> name = column -> quote
                + (database() == TestDatabase.H2 ? column.toUpperCase(java.util.Locale.ROOT) : column) + quote;
        assertThat(this.dataSource.statements()).singleElement()
            .asString()
            .endsWith(
                    " WHERE " + name.apply("title") + " > ? OR (" + name.apply("title") + " = ? AND " + name.apply("id")
                            + " > ?) ORDER BY " + name.apply("title") + ", " + name.apply("id") + " LIMIT ?");
        Window<Post> third = this.posts.scroll(byTitle, second.positionAt(second.size() - 1), 2);
        assertThat(titles(third.getContent())).containsExactly("Emma", "Odes");
        assertThat(third.hasNext()).isFalse();

        KeysetScrollPosition backFromDrz = ((KeysetScrollPosition) second.positionAt(0)).backward();
        Window<Post> back = this.posts.scroll(byTitle, backFromDrz, 2);
        assertThat(titles(back.getContent())).containsExactly("Aaa", "Dracula");
        assertThat(back.hasNext()).isTrue();

        Query<Post> byRating = this.posts.query().whereNotNull("rating").orderBy("rating", Query.Direction.DESC);
        Window<Post> best = this.posts.scroll(byRating, ScrollPosition.keyset(), 3);
        assertThat(titles(best.getContent())).containsExactly("Dune", "Dracula", "Emma");
        assertThat(titles(this.posts.scroll(byRating, best.positionAt(2), 10).getContent())).containsExactly("Aaa",
                "Drz", "Odes");

        assertThatThrownBy(() -> this.posts.scroll(byTitle.take("id", "title"), ScrollPosition.keyset(), 2))
            .isInstanceOf(org.springframework.dao.InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("keyset scrolling continues after a struct's stored sort values, not those of "
                    + "take, selectMerge or a values list: scroll it by offset;");
        assertThatThrownBy(() -> this.posts.scroll(this.posts.query().join("author").orderBy("author.name"),
                ScrollPosition.keyset(), 2))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("keyset scrolling orders by fields of Post, not by :author.name; ");
    }

    @Test
    void theOtherQueryOfAUnionReadsInTheOuterQuerysPrefixItsJoinsToo() {
        String quote = database() == TestDatabase.MARIADB ? "`" : "\"";
        java.util.function.UnaryOperator<String> name = column -> quote
                + (database() == TestDatabase.H2 ? column.toUpperCase(java.util.Locale.ROOT) : column) + quote;
        this.dataSource.reset();

        assertThat(this.repo.all(Query.from(Post.class)
            .prefix("tenant_b")
            .where("rating", 5)
            .union(Query.from(Post.class).join("author").where("author.name", "ann")))).isEmpty();

        assertThat(this.dataSource.statements()).singleElement()
            .asString()
            .contains(" UNION (SELECT ")
            .contains(name.apply("tenant_b") + "." + name.apply("authors"))
            .doesNotContain(" JOIN " + name.apply("authors"));
    }

    @Test
    void windowsOfDerivedMethodsProjectAndKeysetScrollingAnswersABadSortWith400() {
        Window<TitleOnly> titles = this.posts.findFirst2ByRatingNotNullOrderByTitle(ScrollPosition.keyset());
        assertThat(titles.getContent()).extracting(TitleOnly::getTitle).containsExactly("Dracula", "Dune");
        assertThatThrownBy(
                () -> this.posts.scroll(this.posts.query().orderBy(Sort.by("nope")), ScrollPosition.keyset(), 2))
            .isInstanceOf(InvalidSortException.class)
            .hasMessageStartingWith("cannot sort by \"nope\": keyset scrolling orders by fields of Post, not by :nope");
        assertThatThrownBy(() -> this.posts.scroll(
                this.posts.query().union(this.posts.query().where("rating", 1)).orderBy("title"),
                ScrollPosition.keyset(), 2))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessageStartingWith("keyset scrolling continues one query after a struct's sort values, not a union");
        assertThat(titles(this.posts
            .scroll(this.posts.query().union(this.posts.query().where("rating", 1)).orderBy("title"),
                    ScrollPosition.offset(), 2)
            .getContent())).containsExactly("100% Elixir", "Dracula");
    }

    @Test
    void offsetScrollingDerivedWindowsAndFluentScrolling() {
        Query<Post> byTitle = this.posts.query().orderBy("title");
        Window<Post> first = this.posts.scroll(byTitle, ScrollPosition.offset(), 2);
        assertThat(titles(first.getContent())).containsExactly("100% Elixir", "Dracula");
        Window<Post> second = this.posts.scroll(byTitle, first.positionAt(first.size() - 1), 2);
        assertThat(titles(second.getContent())).containsExactly("Dune", "Emma");
        assertThat(second.hasNext()).isTrue();

        Window<Post> published = this.posts.findFirst2ByPublishedOrderByTitle(true, ScrollPosition.keyset());
        assertThat(titles(published.getContent())).containsExactly("Dune", "Emma");
        Window<Post> rest = this.posts.findFirst2ByPublishedOrderByTitle(true,
                published.positionAt(published.size() - 1));
        assertThat(titles(rest.getContent())).containsExactly("Odes");
        assertThat(rest.hasNext()).isFalse();

        Post probe = new Post();
        probe.published = true;
        Window<Post> fluent = this.posts.findBy(Example.of(probe),
                query -> query.sortBy(BY_TITLE).limit(2).scroll(ScrollPosition.keyset()));
        assertThat(titles(fluent.getContent())).containsExactly("Dune", "Emma");
        assertThatThrownBy(() -> this.posts.findBy(Example.of(probe), query -> query.scroll(ScrollPosition.keyset())))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("scroll needs the window's size: findBy(example, q -> q.limit(10).scroll(position))");
    }

    @Test
    void propertiesThroughHasManyAndManyToManyAnswerEachStructOnce() {
        List<Post> all = this.posts.findAll(BY_TITLE);
        Post dracula = all.get(1);
        Post dune = all.get(2);
        Post emma = all.get(3);
        comment(dune, "great");
        comment(dune, "great");
        comment(emma, "great");
        comment(dracula, "meh");
        Tag classic = this.repo.insert(Tag.named("classic"));
        Tag novel = this.repo.insert(Tag.named("novel"));
        for (Post post : List.of(dune, dracula)) {
            this.jdbc.update("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)", post.id, classic.id);
            this.jdbc.update("INSERT INTO posts_tags (post_id, tag_id) VALUES (?, ?)", post.id, novel.id);
        }
        this.dataSource.reset();

        assertThat(titles(this.posts.findByCommentsBodyOrderByTitle("great"))).containsExactly("Dune", "Emma");
        assertThat(this.dataSource.statements()).hasSize(1);
        assertThat(this.posts.countByCommentsBody("great")).isEqualTo(2);
        assertThat(titles(this.posts.findByCommentsBodyOrRatingOrderByTitle("meh", 1))).containsExactly("Dracula",
                "Odes");
        assertThat(titles(this.posts.findByAuthorNameAndCommentsBodyOrderByTitle("ann", "great")))
            .containsExactly("Dune", "Emma");
        assertThat(this.posts.findByCommentsBodyOrderByTitle("none")).isEmpty();
        assertThat(titles(this.posts.findByTagsNameInOrderByTitle(List.of("classic", "novel"))))
            .containsExactly("Dracula", "Dune");
        assertThat(titles(this.posts.findByCommentsBodyInOrderByAuthorNameDescTitleAsc(List.of("great", "meh"))))
            .containsExactly("Dracula", "Dune", "Emma");
    }

    private void comment(Post post, String body) {
        Comment comment = new Comment();
        comment.body = body;
        comment.postId = post.id;
        this.repo.insert(comment);
    }

    @Test
    void methodsThatCannotBeImplementedFailWhenTheRepositoryIsCreated() {
        String fields = this.repo.registry().get(Post.class).fields().toString();
        String fix = "name fields of the schema (findByEmail, findByTitleAndPublishedTrue), or declare it as a default "
                + "method built on query(), or annotate it with @SqlQuery";
        assertThat(failure(BrokenPostRepositories.UnknownProperty.class)).isEqualTo("Invalid repository method "
                + "UnknownProperty.findByTitel(String), property :titel: Post has no field :titel (its fields are "
                + fields + "). Fix: " + fix);
        assertThat(failure(BrokenPostRepositories.NotADerivedQuery.class)).isEqualTo("Invalid repository method "
                + "NotADerivedQuery.recent(), property :recent: Post has no field :recent (its fields are " + fields
                + "). Fix: " + fix);
        assertThat(failure(BrokenPostRepositories.OrderedByHasMany.class)).isEqualTo("Invalid repository method "
                + "OrderedByHasMany.findByTitleOrderByCommentsBody(String), property :comments.body: :comments of Post "
                + "has many rows per struct, so it cannot order them. Fix: order by fields of the schema, or of its "
                + "belongs_to and has_one associations");
        assertThat(failure(BrokenPostRepositories.AnAssociation.class)).isEqualTo("Invalid repository method "
                + "AnAssociation.findByAuthor(Author), property :author: :author is an association, not a column (its "
                + "fields are " + fields + "). Fix: name one of those fields in the method name, or declare it as a "
                + "default method or an @SqlQuery method");
        assertThat(failure(BrokenPostRepositories.ModifyingAnswersPosts.class)).isEqualTo("Invalid repository method "
                + "ModifyingAnswersPosts.purge(String): a modifying @SqlQuery answers the row count, not Post. Fix: declare "
                + "it to return int, long or void");
        assertThat(failure(BrokenPostRepositories.SqlQueryPage.class)).isEqualTo("Invalid repository method "
                + "SqlQueryPage.everything(Pageable): an @SqlQuery method takes no Pageable or Sort and answers no Page or "
                + "Slice. Fix: write ORDER BY, LIMIT and OFFSET in the SQL with :parameters, or use a derived query");
    }

    private String failure(Class<?> repositoryInterface) {
        Throwable thrown = catchThrowable(
                () -> new SchemaRepositoryFactory(this.repo).getRepository(repositoryInterface));
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(thrown);
        assertThat(cause).isInstanceOf(RepositoryDefinitionException.class);
        return cause.getMessage();
    }

}
