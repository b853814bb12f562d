package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.Default;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.HasOne;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.SchemaDefaults;
import io.schemaspring.changeset.Changeset;
import io.schemaspring.type.FieldType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ecto's {@code build_assoc}, association {@code :defaults}, {@code define_field: false}
 * and {@code :type}.
 */
class BuildAssocTest {

    @Schema("blogs")
    static class Blog {

        private Long id;

        private String name;

        @HasMany(defaults = { @Default(field = "published", value = "true"), @Default(field = "rating", value = "5"),
                @Default(field = "price", value = "9.50") })
        private List<Article> articles;

        @HasOne(defaults = @Default(field = "title", value = "About"))
        private Article about;

        @HasMany(through = { "articles", "tags" })
        private List<Label> articleLabels;

    }

    @Schema("articles")
    static class Article {

        private Long id;

        private String title;

        private Boolean published;

        private Integer rating;

        private BigDecimal price;

        private Long blogId;

        @BelongsTo(defaults = @Default(field = "name", value = "fresh"))
        private Blog blog;

        @ManyToMany(joinThrough = "articles_labels", defaults = @Default(field = "color", value = "red"))
        private List<Label> tags;

    }

    @Schema("labels")
    static class Label {

        private Long id;

        private String color;

    }

    private final SchemaRegistry registry = SchemaRegistry.builder()
        .add(Blog.class, Article.class, Label.class)
        .build();

    private Blog blog() {
        Blog blog = new Blog();
        blog.id = 42L;
        blog.name = "elixir";
        return blog;
    }

    @Test
    void defaultsAreCastThroughTheFieldTypesAtStartUp() {
        assertThat(this.registry.get(Blog.class).association("articles").defaults()).containsExactly(
                Map.entry("published", true), Map.entry("rating", 5), Map.entry("price", new BigDecimal("9.50")));
        assertThat(this.registry.get(Article.class).association("blog").defaults())
            .containsExactly(Map.entry("name", "fresh"));
        assertThat(this.registry.get(Article.class).association("tags").defaults())
            .containsExactly(Map.entry("color", "red"));
        assertThat(this.registry.get(Blog.class).association("articleLabels").defaults()).isEmpty();
    }

    @Test
    void buildsAHasManyChildWithTheForeignKeyAndTheDefaults() {
        Article article = (Article) this.registry.get(Blog.class).structs().buildAssoc(blog(), "articles");
        assertThat(article.id).isNull();
        assertThat(article.blogId).isEqualTo(42L);
        assertThat(article.published).isTrue();
        assertThat(article.rating).isEqualTo(5);
        assertThat(article.price).isEqualByComparingTo("9.50");
        assertThat(article.title).isNull();
    }

    @Test
    void attributesOverrideDefaultsButNotTheForeignKey() {
        Article article = (Article) this.registry.get(Blog.class)
            .structs()
            .buildAssoc(blog(), "articles", Map.of("title", "Hello", "rating", 1, "blogId", 7L));
        assertThat(article.title).isEqualTo("Hello");
        assertThat(article.rating).isEqualTo(1);
        assertThat(article.published).isTrue();
        assertThat(article.blogId).isEqualTo(42L);
    }

    @Test
    void buildsHasOneBelongsToAndManyToMany() {
        Article about = (Article) this.registry.get(Blog.class).structs().buildAssoc(blog(), "about");
        assertThat(about.title).isEqualTo("About");
        assertThat(about.blogId).isEqualTo(42L);
        assertThat(about.published).isNull();

        Article article = new Article();
        article.blogId = 42L;
        Blog parent = (Blog) this.registry.get(Article.class).structs().buildAssoc(article, "blog");
        assertThat(parent.id).isNull();
        assertThat(parent.name).isEqualTo("fresh");
        assertThat(article.blogId).isEqualTo(42L);

        Label label = (Label) this.registry.get(Article.class).structs().buildAssoc(article, "tags", Map.of());
        assertThat(label.id).isNull();
        assertThat(label.color).isEqualTo("red");
    }

    @Test
    void refusesUnknownAndThroughAssociationsAndUnknownAttributes() {
        SchemaMetadata blogs = this.registry.get(Blog.class);
        assertThatThrownBy(() -> blogs.structs().buildAssoc(blog(), "posts"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Schema Blog does not have the association :posts; its associations are "
                    + "[:articles, :about, :articleLabels]");
        assertThatThrownBy(() -> blogs.structs().buildAssoc(blog(), "articleLabels"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Cannot build the through association :articleLabels of Blog; build the associations of its "
                    + "path [:articles, :tags] one by one");
        assertThatThrownBy(() -> blogs.structs().buildAssoc(blog(), "articles", Map.of("subtitle", "x")))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Schema Article does not have the field :subtitle; its fields are "
                    + "[id, title, published, rating, price, blogId]");
        assertThatThrownBy(() -> blogs.structs().buildAssoc(new Article(), "articles"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("buildAssoc on Blog was given a Article parent");
    }

    @Schema("blogs")
    static class Journal {

        private Long id;

        @HasMany(defaults = @Default(field = "title", value = "untitled"),
                onReplace = io.schemaspring.annotation.OnReplace.DELETE)
        private List<Entry> entries;

    }

    @Schema("entries")
    static class Entry {

        private Long id;

        private String title;

        private String body;

        private Long journalId;

    }

    @Test
    void castAssocGivesNewChildrenTheDefaults() {
        SchemaRegistry registry = SchemaRegistry.builder().add(Journal.class, Entry.class).build();
        Journal journal = (Journal) registry.get(Journal.class).structs().newInstance();
        journal.entries = List.of();
        Changeset<Journal> changeset = Changeset
            .cast(registry.get(Journal.class), journal,
                    Map.of("entries", List.of(Map.of("body", "one"), Map.of("body", "two", "title", "Two"))), List.of())
            .castAssoc("entries");
        Journal applied = changeset.applyChanges();
        assertThat(applied.entries).extracting(entry -> entry.title).containsExactly("untitled", "Two");
        assertThat(applied.entries).extracting(entry -> entry.body).containsExactly("one", "two");
    }

    @Schema("shelves")
    record ShelfSchema(Long id, @HasMany(foreignKey = "shelfId",
            defaults = @Default(field = "title", value = "new")) List<BookSchema> books) {
    }

    @Schema("books")
    record BookSchema(Long id, String title, Long shelfId) {
    }

    @Test
    void buildsRecords() {
        SchemaRegistry registry = SchemaRegistry.builder().add(ShelfSchema.class, BookSchema.class).build();
        BookSchema book = (BookSchema) registry.get(ShelfSchema.class)
            .structs()
            .buildAssoc(new ShelfSchema(3L, null), "books", Map.of("id", 1L));
        assertThat(book).isEqualTo(new BookSchema(1L, "new", 3L));
    }

    // ------------------------------------------------------------------ define_field:
    // false and :type

    @Schema("orgs")
    static class Org {

        private Long id;

    }

    @Schema("memberships")
    static class Membership {

        @PrimaryKey
        private UUID orgId;

        @PrimaryKey
        private Long userId;

        @BelongsTo(defineField = false)
        private Org org;

    }

    @Test
    void defineFieldFalseLeavesTheKeyItsOwnTypeAndNeedsTheFieldDeclared() {
        SchemaRegistry registry = SchemaRegistry.builder()
            .settings(SchemaSettings.builder().foreignKeyType(FieldType.ID).build())
            .add(Membership.class, Org.class)
            .build();
        SchemaMetadata memberships = registry.get(Membership.class);
        assertThat(memberships.primaryKey()).containsExactly("orgId", "userId");
        assertThat(memberships.type("orgId")).hasToString(":binary_id");
        AssociationMetadata org = memberships.association("org");
        assertThat(org.kind()).isEqualTo(AssociationKind.BELONGS_TO);
        assertThat(org.ownerKey()).isEqualTo("orgId");
        assertThat(org.relatedKey()).isEqualTo("id");
    }

    @Schema("members")
    static class TypedMember {

        private Long id;

        private UUID orgId;

        private Long teamId;

        @BelongsTo(type = FieldType.BINARY_ID)
        private Org org;

        @BelongsTo
        private Org team;

        @BelongsTo(foreignKey = "orgId", defineField = false)
        private Org sameOrg;

    }

    @Test
    void typeOverridesTheConfiguredForeignKeyType() {
        SchemaRegistry registry = SchemaRegistry.builder()
            .settings(SchemaSettings.builder().foreignKeyType(FieldType.ID).build())
            .add(TypedMember.class, Org.class)
            .build();
        SchemaMetadata members = registry.get(TypedMember.class);
        assertThat(members.type("orgId")).hasToString(":binary_id");
        assertThat(members.type("teamId")).hasToString(":id");
        assertThat(members.association("sameOrg").ownerKey()).isEqualTo("orgId");
    }

    @SchemaDefaults(foreignKeyType = FieldType.BINARY_ID)
    @Schema("members")
    static class TypedOverDefaults {

        private Long id;

        private Long orgId;

        @BelongsTo(type = FieldType.ID)
        private Org org;

    }

    @Test
    void typeOverridesSchemaDefaults() {
        SchemaRegistry registry = SchemaRegistry.builder().add(TypedOverDefaults.class, Org.class).build();
        assertThat(registry.get(TypedOverDefaults.class).type("orgId")).hasToString(":id");
    }

}
