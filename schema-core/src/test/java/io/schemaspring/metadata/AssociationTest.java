package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.HasOne;
import io.schemaspring.annotation.JoinKey;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.OnDelete;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Where;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssociationTest {

    @Schema("organizations")
    static class Organization {

        private Long id;

        private String name;

    }

    @Schema("users")
    static class User {

        private Long id;

        private String name;

        private Long organizationId;

        @BelongsTo
        private Organization organization;

        @HasMany(preloadOrder = { "title", "rating desc" }, where = @Where(field = "published", value = "true"),
                onDelete = OnDelete.DELETE_ALL)
        private List<Post> posts;

        @HasOne(onReplace = OnReplace.DELETE)
        private Profile profile;

        @ManyToMany(joinThrough = "users_groups", onDelete = OnDelete.DELETE_ALL)
        private List<Group> groups;

        @ManyToMany(joinThroughSchema = Membership.class, unique = true)
        private List<Group> memberGroups;

        @HasMany(through = { "posts", "comments" })
        private List<Comment> postComments;

        @HasOne(through = { "profile", "avatar" })
        private Avatar profileAvatar;

    }

    @Schema("posts")
    static class Post {

        private Long id;

        private String title;

        private Integer rating;

        private Boolean published;

        private Long userId;

        @BelongsTo(where = @Where(field = "name", op = Where.Op.IS_NOT_NULL))
        private User user;

        @HasMany
        private List<Comment> comments;

    }

    @Schema("comments")
    static class Comment {

        private Long id;

        private Long postId;

        private String body;

    }

    @Schema("profiles")
    static class Profile {

        private Long id;

        private Long userId;

        @HasOne
        private Avatar avatar;

    }

    @Schema("avatars")
    static class Avatar {

        private Long id;

        private Long profileId;

    }

    @Schema("groups")
    static class Group {

        private Long id;

        private String name;

    }

    @Schema("memberships")
    static class Membership {

        @PrimaryKey
        private Long userId;

        @PrimaryKey
        private Long groupId;

        private String role;

    }

    @Schema("authors")
    static class Author {

        private Long id;

        private Long writerCode;

        @ManyToMany(joinThrough = "authorships",
                joinKeys = { @JoinKey(column = "author_ref"), @JoinKey(column = "book_isbn", references = "isbn") },
                joinWhere = { @Where(field = "active", value = "true"), @Where(field = "kind", value = "main") },
                where = @Where(field = "isbn", op = Where.Op.IN, value = { "1", "2" }))
        private List<Book> books;

        @HasMany(foreignKey = "writer", references = "writerCode")
        private List<Book> written;

    }

    @Schema("books")
    static class Book {

        private Long id;

        private Long isbn;

        private Long writer;

    }

    private final SchemaRegistry registry = SchemaRegistry.builder().add(User.class, Author.class).build();

    @Test
    void registersEveryClassTheSchemasPointTo() {
        assertThat(this.registry.all()).extracting(SchemaMetadata::schemaClass)
            .containsExactly(User.class, Author.class, Organization.class, Post.class, Profile.class, Group.class,
                    Membership.class, Comment.class, Avatar.class, Book.class);
    }

    @Test
    void listsAssociationsInDeclarationOrderAndKeepsForeignKeysAsFields() {
        SchemaMetadata user = this.registry.get(User.class);
        assertThat(user.associations()).containsExactly("organization", "posts", "profile", "groups", "memberGroups",
                "postComments", "profileAvatar");
        assertThat(user.fields()).containsExactly("id", "name", "organizationId");
        assertThat(user.type("organizationId")).hasToString(":id");
        assertThat(user.association("unknown")).isNull();
    }

    @Test
    void belongsToInfersForeignKeyFromTheAssociationName() {
        AssociationMetadata organization = this.registry.get(User.class).association("organization");
        assertThat(organization.kind()).isEqualTo(AssociationKind.BELONGS_TO);
        assertThat(organization.cardinality()).isEqualTo(Cardinality.ONE);
        assertThat(organization.owner()).isEqualTo(User.class);
        assertThat(organization.related()).isEqualTo(Organization.class);
        assertThat(organization.ownerKey()).isEqualTo("organizationId");
        assertThat(organization.relatedKey()).isEqualTo("id");
        assertThat(organization.onReplace()).isEqualTo(OnReplace.RAISE);
    }

    @Test
    void belongsToKeepsItsWhereFilter() {
        AssociationMetadata user = this.registry.get(Post.class).association("user");
        assertThat(user.where()).containsExactly(new WhereCondition("name", "name", Where.Op.IS_NOT_NULL, List.of()));
    }

    @Test
    void hasManyInfersForeignKeyFromTheOwnerClassName() {
        AssociationMetadata posts = this.registry.get(User.class).association("posts");
        assertThat(posts.kind()).isEqualTo(AssociationKind.HAS);
        assertThat(posts.cardinality()).isEqualTo(Cardinality.MANY);
        assertThat(posts.ownerKey()).isEqualTo("id");
        assertThat(posts.relatedKey()).isEqualTo("userId");
        assertThat(posts.onDelete()).isEqualTo(OnDelete.DELETE_ALL);
        assertThat(posts.where())
            .containsExactly(new WhereCondition("published", "published", Where.Op.EQ, List.of(true)));
        assertThat(posts.preloadOrder()).containsExactly(new OrderBy("title", "title", false),
                new OrderBy("rating", "rating", true));
    }

    @Test
    void hasOneInfersForeignKeyFromTheOwnerClassName() {
        AssociationMetadata profile = this.registry.get(User.class).association("profile");
        assertThat(profile.kind()).isEqualTo(AssociationKind.HAS);
        assertThat(profile.cardinality()).isEqualTo(Cardinality.ONE);
        assertThat(profile.ownerKey()).isEqualTo("id");
        assertThat(profile.relatedKey()).isEqualTo("userId");
        assertThat(profile.onReplace()).isEqualTo(OnReplace.DELETE);
    }

    @Test
    void hasManyTakesExplicitForeignKeyAndReferences() {
        AssociationMetadata written = this.registry.get(Author.class).association("written");
        assertThat(written.ownerKey()).isEqualTo("writerCode");
        assertThat(written.relatedKey()).isEqualTo("writer");
    }

    @Test
    void manyToManyInfersJoinKeysFromBothClassNames() {
        AssociationMetadata groups = this.registry.get(User.class).association("groups");
        assertThat(groups.kind()).isEqualTo(AssociationKind.MANY_TO_MANY);
        assertThat(groups.joinThrough()).isEqualTo("users_groups");
        assertThat(groups.joinThroughSchema()).isNull();
        assertThat(groups.joinKeys()).containsExactly(
                new io.schemaspring.metadata.JoinColumn("user_id", null, "id", "id"),
                new io.schemaspring.metadata.JoinColumn("group_id", null, "id", "id"));
        assertThat(groups.ownerKey()).isEqualTo("id");
        assertThat(groups.relatedKey()).isEqualTo("id");
        assertThat(groups.onDelete()).isEqualTo(OnDelete.DELETE_ALL);
        assertThat(groups.unique()).isFalse();
    }

    @Test
    void manyToManyThroughAJoinSchemaUsesItsFields() {
        AssociationMetadata memberGroups = this.registry.get(User.class).association("memberGroups");
        assertThat(memberGroups.joinThrough()).isEqualTo("memberships");
        assertThat(memberGroups.joinThroughSchema()).isEqualTo(Membership.class);
        assertThat(memberGroups.joinKeys()).containsExactly(
                new io.schemaspring.metadata.JoinColumn("user_id", "userId", "id", "id"),
                new io.schemaspring.metadata.JoinColumn("group_id", "groupId", "id", "id"));
        assertThat(memberGroups.unique()).isTrue();
    }

    @Test
    void manyToManyTakesExplicitJoinKeysAndFilters() {
        AssociationMetadata books = this.registry.get(Author.class).association("books");
        assertThat(books.joinKeys()).containsExactly(
                new io.schemaspring.metadata.JoinColumn("author_ref", null, "id", "id"),
                new io.schemaspring.metadata.JoinColumn("book_isbn", null, "isbn", "isbn"));
        assertThat(books.ownerKey()).isEqualTo("id");
        assertThat(books.relatedKey()).isEqualTo("isbn");
        assertThat(books.joinWhere()).containsExactly(
                new WhereCondition("active", "active", Where.Op.EQ, List.of(true)),
                new WhereCondition("kind", "kind", Where.Op.EQ, List.of("main")));
        assertThat(books.where()).containsExactly(new WhereCondition("isbn", "isbn", Where.Op.IN, List.of(1L, 2L)));
    }

    @Test
    void throughAssociationsWalkTheirPath() {
        AssociationMetadata postComments = this.registry.get(User.class).association("postComments");
        assertThat(postComments.kind()).isEqualTo(AssociationKind.THROUGH);
        assertThat(postComments.cardinality()).isEqualTo(Cardinality.MANY);
        assertThat(postComments.related()).isEqualTo(Comment.class);
        assertThat(postComments.through()).containsExactly("posts", "comments");
        assertThat(postComments.ownerKey()).isEqualTo("id");
        AssociationMetadata profileAvatar = this.registry.get(User.class).association("profileAvatar");
        assertThat(profileAvatar.cardinality()).isEqualTo(Cardinality.ONE);
        assertThat(profileAvatar.through()).containsExactly("profile", "avatar");
    }

    @Test
    void associationAccessorsReadAndWriteTheField() {
        AssociationMetadata posts = this.registry.get(User.class).association("posts");
        User user = new User();
        Post post = new Post();
        posts.accessor().set(user, List.of(post));
        assertThat(user.posts).containsExactly(post);
        assertThat(posts.accessor().get(user)).isEqualTo(List.of(post));
    }

}
