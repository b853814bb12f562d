package io.schemaspring.metadata;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.BelongsTo;
import io.schemaspring.annotation.Default;
import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.HasMany;
import io.schemaspring.annotation.HasOne;
import io.schemaspring.annotation.JoinKey;
import io.schemaspring.annotation.JoinDefault;
import io.schemaspring.annotation.ManyToMany;
import io.schemaspring.annotation.PrimaryKey;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import io.schemaspring.annotation.Where;
import io.schemaspring.type.EmbedAs;
import io.schemaspring.type.EnumValue;
import io.schemaspring.type.FieldType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaDefinitionErrorsTest {

    private static final String PREFIX = "Invalid schema io.schemaspring.metadata.SchemaDefinitionErrorsTest$";

    private static void assertFails(Class<?> type, String message) {
        assertFails(SchemaSettings.defaults(), type, message);
    }

    private static void assertFails(SchemaSettings settings, Class<?> type, String message) {
        assertThatThrownBy(() -> SchemaRegistry.builder().settings(settings).add(type).build())
            .isInstanceOf(SchemaDefinitionException.class)
            .hasMessage(PREFIX + message);
    }

    static class NotASchema {

        private Long id;

    }

    @Test
    void failsForAClassWithoutSchemaAnnotation() {
        assertFails(NotASchema.class, "NotASchema: it is not annotated with @Schema or @EmbeddedSchema. "
                + "Fix: annotate it with @Schema(\"table\") or @EmbeddedSchema");
    }

    @Schema("missing_id")
    static class MissingId {

        private String name;

    }

    @Test
    void failsWhenTheDefaultPrimaryKeyIsMissing() {
        assertFails(MissingId.class, "MissingId, field :id: the primary key field :id is not declared. Fix: declare "
                + "`private Long id;` (or UUID), mark the key fields with @PrimaryKey, or use @Schema(primaryKey = false) "
                + "for a table without a primary key");
    }

    @Schema("no_constructor")
    static class NoConstructor {

        private Long id;

        NoConstructor(Long id) {
            this.id = id;
        }

    }

    @Test
    void failsWithoutANoArgumentConstructor() {
        assertFails(NoConstructor.class, "NoConstructor: it has no no-argument constructor. "
                + "Fix: add a no-argument constructor (it may be private or protected)");
    }

    @Schema("record_with_meta")
    record RecordWithMeta(Long id, String name, io.schemaspring.metadata.StructMeta meta) {
    }

    @Test
    void failsForARecordWithAStructMeta() {
        assertFails(RecordWithMeta.class, "RecordWithMeta, field :meta: a record cannot hold a StructMeta: records are "
                + "never changed in place. Fix: remove the StructMeta component; the repository remembers where records are stored");
    }

    @EmbeddedSchema
    record EmbeddedRecord(String street) {
    }

    @Test
    void failsForAnEmbeddedRecord() {
        assertFails(EmbeddedRecord.class, "EmbeddedRecord: it is a record, and embedded schemas cannot be records yet. "
                + "Fix: declare the embedded schema as a class with fields and a no-argument constructor");
    }

    @Schema("strict_records")
    record StrictRecord(Long id, String name) {
        StrictRecord {
            java.util.Objects.requireNonNull(name);
        }
    }

    @Test
    void failsForARecordWhoseConstructorRefusesNulls() {
        assertFails(StrictRecord.class, "StrictRecord: its canonical constructor threw java.lang.NullPointerException "
                + "when given nulls and zeros. Fix: let the canonical constructor accept null components: the repository "
                + "builds records with components not yet known (an id before insert, fields a query does not select)");
    }

    @Schema("parents")
    static class Parent {

        private Long id;

        protected String name;

    }

    @Schema("children")
    static class Shadowing extends Parent {

        private String name;

    }

    @Test
    void failsWhenAFieldIsDeclaredTwice() {
        assertFails(Shadowing.class, "Shadowing, field :name: field/association :name already exists on schema "
                + "(declared in Parent and Shadowing). Fix: remove the duplication or choose a different name");
    }

    @Schema("bad-table")
    static class BadTable {

        private Long id;

    }

    @Test
    void failsForAnInvalidTableName() {
        assertFails(BadTable.class, "BadTable: source \"bad-table\" is not a valid SQL identifier. "
                + "Fix: name the table with letters, digits and underscores, for example @Schema(\"users\")");
    }

    @Schema(value = "good", prefix = "bad prefix")
    static class BadPrefix {

        private Long id;

    }

    @Test
    void failsForAnInvalidPrefix() {
        assertFails(BadPrefix.class,
                "BadPrefix: prefix \"bad prefix\" is not a valid SQL identifier. Fix: use letters, "
                        + "digits and underscores in @Schema(prefix), @SchemaDefaults(prefix) or schema.prefix");
    }

    @Schema("good")
    static class Good {

        private Long id;

    }

    @Test
    void failsForAnInvalidPrefixFromSettings() {
        assertFails(SchemaSettings.builder().prefix("x;drop").build(), Good.class,
                "Good: prefix \"x;drop\" is not a "
                        + "valid SQL identifier. Fix: use letters, digits and underscores in @Schema(prefix), "
                        + "@SchemaDefaults(prefix) or schema.prefix");
    }

    @Schema("columns")
    static class BadColumn {

        private Long id;

        @Field(source = "e-mail")
        private String email;

    }

    @Test
    void failsForAnInvalidColumnName() {
        assertFails(BadColumn.class, "BadColumn, field :email: column \"e-mail\" is not a valid SQL identifier. "
                + "Fix: use letters, digits and underscores, for example @Field(source = \"email_address\")");
    }

    @Schema("columns")
    static class DuplicateColumn {

        private Long id;

        private String email;

        @Field(source = "email")
        private String contact;

    }

    @Test
    void failsWhenTwoFieldsShareAColumn() {
        assertFails(DuplicateColumn.class, "DuplicateColumn, field :contact: column \"email\" is already used by field "
                + ":email. Fix: give one of them another column with @Field(source = \"...\")");
    }

    @Schema("types")
    static class UnknownType {

        private Long id;

        private Thread worker;

    }

    @Test
    void failsForAnUnknownType() {
        assertFails(UnknownType.class, "UnknownType, field :worker: unknown type java.lang.Thread for field :worker. "
                + "Fix: use one of Long, Integer, Short, Double, Float, BigDecimal, Boolean, String, byte[], UUID, "
                + "LocalDate, LocalTime, LocalDateTime, Instant, OffsetDateTime, Duration, a Java enum, "
                + "Object (:any, virtual fields only), List<X> or Map<String, X> of those, "
                + "or a custom type with @Field(customType = ...), or register a SchemaType for "
                + "java.lang.Thread for the whole application (SchemaTypes in SchemaRegistry.builder().types(...), or a "
                + "SchemaType bean in Spring Boot)");
    }

    @Schema("types")
    static class LegacyDate {

        private Long id;

        private Date createdOn;

    }

    @Test
    void failsForJavaUtilDateWithTheEctoHint() {
        assertFails(LegacyDate.class, "LegacyDate, field :createdOn: invalid type java.util.Date for field :createdOn. "
                + "Fix: you probably meant LocalDateTime (:naive_datetime, no time zone) or Instant (:utc_datetime)");
    }

    @Schema("types")
    static class IncompatibleOverride {

        private Long id;

        @Field(type = FieldType.DATE)
        private String day;

    }

    @Test
    void failsWhenTheTypeOptionDoesNotFitTheJavaType() {
        assertFails(IncompatibleOverride.class,
                "IncompatibleOverride, field :day: type :date cannot be held in a String "
                        + "field for field :day. Fix: declare the field as LocalDate, or remove type = DATE");
    }

    @Schema("types")
    static class RawList {

        private Long id;

        @SuppressWarnings("rawtypes")
        private List tags;

    }

    @Test
    void failsForARawList() {
        assertFails(RawList.class, "RawList, field :tags: raw List has no element type for field :tags. "
                + "Fix: declare it as List<String> (or another element type)");
    }

    @Schema("types")
    static class SchemaTypedField {

        private Long id;

        private Good good;

    }

    @Test
    void failsForAFieldTypedWithASchema() {
        assertFails(SchemaTypedField.class,
                "SchemaTypedField, field :good: schema Good is not a valid type for field "
                        + ":good. Fix: did you mean to use @BelongsTo, @HasOne, @HasMany, @ManyToMany, @EmbedsOne or "
                        + "@EmbedsMany instead?");
    }

    @Schema("autogen")
    static class AutogenerateNonKeyId {

        private Long id;

        @Field(type = FieldType.ID, autogenerate = true)
        private Long counter;

    }

    @Test
    void failsForAutogenerateOnANonPrimaryId() {
        assertFails(AutogenerateNonKeyId.class, "AutogenerateNonKeyId, field :counter: only primary keys allow "
                + ":autogenerate for type :id, field :counter is not a primary key. Fix: remove autogenerate");
    }

    @Schema("autogen")
    static class AutogenerateNonKeyUuid {

        private Long id;

        @Field(autogenerate = true)
        private UUID token;

    }

    @Test
    void failsForAutogenerateOnANonPrimaryBinaryId() {
        assertFails(AutogenerateNonKeyUuid.class, "AutogenerateNonKeyUuid, field :token: only primary keys allow "
                + ":autogenerate for type :binary_id, field :token is not a primary key. Fix: remove autogenerate, or use "
                + "@Field(type = FieldType.UUID, autogenerate = true) for a generated UUID that is not a key");
    }

    @Schema("autogen")
    static class AutogenerateString {

        private Long id;

        @Field(autogenerate = true)
        private String code;

    }

    @Test
    void failsForAutogenerateOnAPrimitiveType() {
        assertFails(AutogenerateString.class,
                "AutogenerateString, field :code: field :code does not support :autogenerate "
                        + "because it uses a primitive type :string. Fix: remove autogenerate: only :id and :binary_id primary "
                        + "keys, FieldType.UUID fields and custom types defining autogenerate() generate values");
    }

    @Schema("autogen")
    static class TwoAutogeneratedKeys {

        @PrimaryKey(autogenerate = true)
        private Long id;

        @PrimaryKey(autogenerate = true)
        private UUID uuid;

    }

    @Test
    void failsForTwoAutogeneratedKeys() {
        assertFails(TwoAutogeneratedKeys.class,
                "TwoAutogeneratedKeys, field :uuid: only one primary key with ID type may "
                        + "be marked as autogenerated. Fix: keep autogenerate on :id only");
    }

    @Schema("autogen")
    static class AutogenerateAndReadAfterWrites {

        @PrimaryKey
        @Field(autogenerate = true, readAfterWrites = true)
        private Long id;

    }

    @Test
    void failsForAutogenerateTogetherWithReadAfterWrites() {
        assertFails(AutogenerateAndReadAfterWrites.class, "AutogenerateAndReadAfterWrites, field :id: cannot mark the "
                + "same field as autogenerate and read_after_writes. Fix: keep only one of autogenerate and readAfterWrites");
    }

    @Schema("keys")
    static class PrimaryKeyTypeMismatch {

        private Long id;

    }

    @Test
    void failsWhenTheConfiguredPrimaryKeyTypeDoesNotFit() {
        assertFails(SchemaSettings.builder().primaryKeyType(FieldType.BINARY_ID).build(), PrimaryKeyTypeMismatch.class,
                "PrimaryKeyTypeMismatch, field :id: the primary key type :binary_id cannot be held in a Long field for "
                        + "field :id. Fix: declare :id as UUID, set @Field(type = ...) on it, or change the primary key "
                        + "type (@SchemaDefaults or schema.* properties)");
    }

    @Schema("orgs")
    static class Org {

        private Long id;

    }

    @Schema("members")
    static class ForeignKeyTypeMismatch {

        private Long id;

        private Long orgId;

        @BelongsTo
        private Org org;

    }

    @Test
    void failsWhenTheConfiguredForeignKeyTypeDoesNotFit() {
        assertFails(SchemaSettings.builder().foreignKeyType(FieldType.BINARY_ID).build(), ForeignKeyTypeMismatch.class,
                "ForeignKeyTypeMismatch, field :orgId: the foreign key type :binary_id cannot be held in a Long field for "
                        + "field :orgId. Fix: declare :orgId as UUID, set @Field(type = ...) on it, or change the foreign "
                        + "key type (@SchemaDefaults or schema.* properties)");
    }

    @Schema("members")
    static class MissingForeignKey {

        private Long id;

        @BelongsTo
        private Org org;

    }

    @Test
    void failsForABelongsToWithoutItsForeignKeyField() {
        assertFails(MissingForeignKey.class,
                "MissingForeignKey, field :org: @BelongsTo :org needs the foreign key field "
                        + ":orgId, which is not declared. Fix: declare `private Long orgId;` or set @BelongsTo(foreignKey = \"...\")");
    }

    @Schema("members")
    static class ForeignKeyNamedLikeAssociation {

        private Long id;

        @BelongsTo(foreignKey = "org")
        private Org org;

    }

    @Test
    void failsForAForeignKeyNamedLikeItsAssociation() {
        assertFails(ForeignKeyNamedLikeAssociation.class,
                "ForeignKeyNamedLikeAssociation, field :org: foreign_key :org "
                        + "must be distinct from corresponding association name. Fix: name the foreign key field differently, "
                        + "for example orgId");
    }

    @Schema("members")
    static class AssociationToNonSchema {

        private Long id;

        private Long notASchemaId;

        @BelongsTo
        private NotASchema notASchema;

    }

    @Test
    void failsForAnAssociationToAClassThatIsNotASchema() {
        assertFails(AssociationToNonSchema.class,
                "AssociationToNonSchema, field :notASchema: associated class NotASchema "
                        + "is not a schema. Fix: annotate NotASchema with @Schema(\"table\")");
    }

    @EmbeddedSchema
    static class Address {

        private String street;

    }

    @Schema("members")
    static class AssociationToEmbedded {

        private Long id;

        @HasOne
        private Address address;

    }

    @Test
    void failsForAnAssociationToAnEmbeddedSchema() {
        assertFails(AssociationToEmbedded.class,
                "AssociationToEmbedded, field :address: associated class Address is an "
                        + "embedded schema, which has no table. Fix: use @EmbedsOne/@EmbedsMany for embedded schemas");
    }

    @Schema("members")
    static class EmbedOfNonSchema {

        private Long id;

        @EmbedsOne
        private String note;

    }

    @Test
    void failsForAnEmbedOfAClassThatIsNotAnEmbeddedSchema() {
        assertFails(EmbedOfNonSchema.class, "EmbedOfNonSchema, field :note: @EmbedsOne expects an embedded schema, but "
                + "String is not one. Fix: annotate String with @EmbeddedSchema or declare it as a static nested class");
    }

    @Schema("members")
    static class HasManyNotAList {

        private Long id;

        @HasMany
        private Org orgs;

    }

    @Test
    void failsForAHasManyThatIsNotAList() {
        assertFails(HasManyNotAList.class,
                "HasManyNotAList, field :orgs: @HasMany needs a List of the associated class, "
                        + "but the field is io.schemaspring.metadata.SchemaDefinitionErrorsTest$Org. Fix: declare it as "
                        + "List<Related>, for example List<Post>");
    }

    @Schema("teams")
    static class Team {

        private Long id;

        @HasMany
        private List<Org> orgs;

    }

    @Test
    void failsForAHasManyWhoseRelatedSchemaLacksTheForeignKey() {
        assertFails(Team.class, "Team, field :orgs: associated schema Org does not have field :teamId. "
                + "Fix: declare `private Long teamId;` on Org or set @HasMany(foreignKey = \"...\")");
    }

    @Schema("teams")
    static class BadReferences {

        private Long id;

        @HasMany(foreignKey = "id", references = "code")
        private List<Org> orgs;

    }

    @Test
    void failsForReferencesToAMissingField() {
        assertFails(BadReferences.class,
                "BadReferences, field :orgs: schema BadReferences does not have the field :code "
                        + "used by association :orgs. Fix: set @HasMany(references = \"...\") to a field of BadReferences");
    }

    @Schema("posts")
    static class Post {

        private Long id;

        private Long writerId;

        private Boolean published;

    }

    @Schema("writers")
    static class Writer {

        private Long id;

        @HasMany
        private List<Post> posts;

        @HasMany(through = { "posts", "comments" })
        private List<Post> postComments;

    }

    @Test
    void failsForAThroughPathThatDoesNotResolve() {
        assertFails(Writer.class,
                "Writer, field :postComments: schema Post does not have the association :comments used "
                        + "by :through [:posts, :comments]. Fix: check the path; the associations of Post are []");
    }

    @Schema("writers")
    static class BadWhere {

        private Long id;

        @HasMany(foreignKey = "writerId", where = @Where(field = "published", value = "yes"))
        private List<Post> posts;

    }

    @Test
    void failsForAWhereValueThatDoesNotCast() {
        assertFails(BadWhere.class, "BadWhere, field :posts: where value \"yes\" is invalid for :published of type "
                + ":boolean. Fix: write a value of type :boolean");
    }

    @Schema("writers")
    static class BadPreloadOrder {

        private Long id;

        @HasMany(foreignKey = "writerId", preloadOrder = "title sideways")
        private List<Post> posts;

    }

    @Test
    void failsForAPreloadOrderOnAnUnknownField() {
        assertFails(BadPreloadOrder.class,
                "BadPreloadOrder, field :posts: preloadOrder term \"title sideways\" is not a "
                        + "field of Post with an optional asc or desc. Fix: write terms such as \"insertedAt desc\" naming "
                        + "persisted fields of Post");
    }

    @Schema("writers")
    static class ManyToManyWithoutJoin {

        private Long id;

        @ManyToMany
        private List<Post> posts;

    }

    @Test
    void failsForAManyToManyWithoutJoinTable() {
        assertFails(ManyToManyWithoutJoin.class,
                "ManyToManyWithoutJoin, field :posts: @ManyToMany needs a join table or "
                        + "join schema. Fix: set exactly one of @ManyToMany(joinThrough = \"table\") and "
                        + "@ManyToMany(joinThroughSchema = Join.class)");
    }

    @Schema("writers")
    static class ManyToManyWithOneJoinKey {

        private Long id;

        @ManyToMany(joinThrough = "writers_posts", joinKeys = @JoinKey(column = "writer_id"))
        private List<Post> posts;

    }

    @Test
    void failsForAManyToManyWithOneJoinKey() {
        assertFails(ManyToManyWithOneJoinKey.class,
                "ManyToManyWithOneJoinKey, field :posts: joinKeys needs exactly two "
                        + "keys, got 1. Fix: list this schema's side, then the associated schema's side: "
                        + "joinKeys = {@JoinKey(column = \"user_id\"), @JoinKey(column = \"group_id\")}");
    }

    @Schema("stamped")
    @Timestamps
    static class MissingTimestamp {

        private Long id;

        private LocalDateTime insertedAt;

    }

    @Test
    void failsWhenATimestampFieldIsMissing() {
        assertFails(MissingTimestamp.class,
                "MissingTimestamp, field :updatedAt: @Timestamps needs the field :updatedAt, "
                        + "which is not declared. Fix: declare `private LocalDateTime updatedAt;` or set "
                        + "@Timestamps(updatedAt = \"...\")");
    }

    @Schema("stamped")
    @Timestamps(type = FieldType.UTC_DATETIME)
    static class TimestampTypeMismatch {

        private Long id;

        private LocalDateTime insertedAt;

        private Instant updatedAt;

    }

    @Test
    void failsWhenTheTimestampTypeDoesNotFitTheField() {
        assertFails(TimestampTypeMismatch.class, "TimestampTypeMismatch, field :insertedAt: the timestamps type "
                + ":utc_datetime cannot be held in a LocalDateTime field for field :insertedAt. Fix: declare :insertedAt "
                + "as Instant or OffsetDateTime, set @Field(type = ...) on it, or change the timestamps type "
                + "(@SchemaDefaults or schema.* properties)");
    }

    @Schema("stamped")
    @Timestamps
    static class TimestampNotADate {

        private Long id;

        private String insertedAt;

        private LocalDateTime updatedAt;

    }

    @Test
    void failsWhenATimestampIsNotADateTime() {
        assertFails(TimestampNotADate.class, "TimestampNotADate, field :insertedAt: timestamps must be date-times, but "
                + ":insertedAt has type :string. Fix: declare it as LocalDateTime, Instant or OffsetDateTime");
    }

    @Schema("mixed")
    static class TwoRelations {

        private Long id;

        private Long orgId;

        @BelongsTo
        @HasOne
        private Org org;

    }

    @Test
    void failsForAFieldWithTwoRelationAnnotations() {
        assertFails(TwoRelations.class,
                "TwoRelations, field :org: it carries @BelongsTo and @HasOne. " + "Fix: keep only one of them");
    }

    @Schema("virtuals")
    static class VirtualKey {

        @PrimaryKey
        @Field(virtual = true)
        private Long id;

    }

    @Test
    void failsForAVirtualPrimaryKey() {
        assertFails(VirtualKey.class, "VirtualKey, field :id: a virtual field cannot be a primary key, foreign key or "
                + "timestamp. Fix: remove virtual = true or use another field");
    }

    @Schema("writers_posts")
    static class WriterPost {

        private Long id;

        private Long writerId;

        private Long postId;

        private Integer weight;

    }

    @Schema("writers")
    static class JoinDefaultsOnATable {

        private Long id;

        @ManyToMany(joinThrough = "writers_posts", joinDefaults = @JoinDefault(field = "weight", value = "1"))
        private List<Post> posts;

    }

    @Test
    void failsForJoinDefaultsOnAJoinTable() {
        assertFails(JoinDefaultsOnATable.class,
                "JoinDefaultsOnATable, field :posts: joinDefaults needs a join schema, but "
                        + "it joins through the table \"writers_posts\". Fix: set @ManyToMany(joinThroughSchema = Join.class) or "
                        + "remove joinDefaults");
    }

    @Schema("writers")
    static class JoinDefaultsOnAnUnknownField {

        private Long id;

        @ManyToMany(joinThroughSchema = WriterPost.class,
                joinKeys = { @JoinKey(column = "writerId"), @JoinKey(column = "postId") },
                joinDefaults = @JoinDefault(field = "source", value = "web"))
        private List<Post> posts;

    }

    @Test
    void failsForJoinDefaultsOnAFieldTheJoinSchemaDoesNotHave() {
        assertFails(JoinDefaultsOnAnUnknownField.class,
                "JoinDefaultsOnAnUnknownField, field :posts: joinDefaults names "
                        + ":source, which join schema WriterPost does not have. Fix: use a persisted field of WriterPost");
    }

    @Schema("writers")
    static class JoinDefaultsThatDoNotCast {

        private Long id;

        @ManyToMany(joinThroughSchema = WriterPost.class,
                joinKeys = { @JoinKey(column = "writerId"), @JoinKey(column = "postId") },
                joinDefaults = @JoinDefault(field = "weight", value = "heavy"))
        private List<Post> posts;

    }

    @Test
    void failsForJoinDefaultsWhoseValueDoesNotCast() {
        assertFails(JoinDefaultsThatDoNotCast.class,
                "JoinDefaultsThatDoNotCast, field :posts: joinDefaults value \"heavy\" "
                        + "is invalid for :weight of type :integer. Fix: write a value of type :integer");
    }

    @Schema("writers")
    static class JoinDefaultsOnAJoinKey {

        private Long id;

        @ManyToMany(joinThroughSchema = WriterPost.class,
                joinKeys = { @JoinKey(column = "writerId"), @JoinKey(column = "postId") },
                joinDefaults = @JoinDefault(field = "postId", value = "1"))
        private List<Post> posts;

    }

    @Test
    void failsForJoinDefaultsOnAJoinKey() {
        assertFails(JoinDefaultsOnAJoinKey.class,
                "JoinDefaultsOnAJoinKey, field :posts: joinDefaults names the join key "
                        + ":postId. Fix: leave the join keys to the association; give joinDefaults other fields of WriterPost");
    }

    @Schema("drafts")
    static class TextVersion {

        private Long id;

        @org.springframework.data.annotation.Version
        private String revision;

    }

    @Test
    void failsForAVersionFieldThatIsNotAnInteger() {
        assertFails(TextVersion.class,
                "TextVersion, field :revision: @Version needs an integer field, and :revision is "
                        + ":string. Fix: declare it as Integer, Long, int or long");
    }

    @Schema("drafts")
    static class TwoVersions {

        private Long id;

        @org.springframework.data.annotation.Version
        private Long version;

        @org.springframework.data.annotation.Version
        private Long revision;

    }

    @Test
    void failsForTwoVersionFields() {
        assertFails(TwoVersions.class, "TwoVersions, field :revision: @Version is already declared on :version. "
                + "Fix: keep one @Version field");
    }
    // ------------------------------------------------------------------ association
    // defaults, defineField and type

    @Schema("pages")
    static class Page {

        private Long id;

        private Boolean published;

        private Long siteId;

    }

    @Schema("sites")
    static class DefaultOnUnknownField {

        private Long id;

        @HasMany(foreignKey = "siteId", defaults = @Default(field = "public", value = "true"))
        private List<Page> pages;

    }

    @Test
    void failsForDefaultsNamingAFieldTheAssociatedSchemaDoesNotHave() {
        assertFails(DefaultOnUnknownField.class,
                "DefaultOnUnknownField, field :pages: @HasMany(defaults) names :public, "
                        + "which associated schema Page does not have. Fix: use a persisted field of Page: [:id, :published, :siteId]");
    }

    @Schema("sites")
    static class UncastableDefault {

        private Long id;

        @HasOne(foreignKey = "siteId", defaults = @Default(field = "published", value = "maybe"))
        private Page page;

    }

    @Test
    void failsForADefaultThatDoesNotCast() {
        assertFails(UncastableDefault.class,
                "UncastableDefault, field :page: @HasOne(defaults) value \"maybe\" is invalid "
                        + "for :published of Page (type :boolean). Fix: write a value of type :boolean");
    }

    @Schema("sites")
    static class DefaultOnTheForeignKey {

        private Long id;

        @HasMany(foreignKey = "siteId", defaults = @Default(field = "siteId", value = "1"))
        private List<Page> pages;

    }

    @Test
    void failsForADefaultOnTheForeignKey() {
        assertFails(DefaultOnTheForeignKey.class,
                "DefaultOnTheForeignKey, field :pages: @HasMany(defaults) names the foreign "
                        + "key :siteId. Fix: leave the foreign key to the association; it is set from the parent when building");
    }

    @Schema("pages")
    static class DefineFieldWithoutTheField {

        private Long id;

        @BelongsTo(defineField = false)
        private Org org;

    }

    @Test
    void failsForDefineFieldFalseWithoutTheField() {
        assertFails(DefineFieldWithoutTheField.class,
                "DefineFieldWithoutTheField, field :org: @BelongsTo :org needs the "
                        + "foreign key field :orgId, which is not declared. Fix: declare `private Long orgId;` or set "
                        + "@BelongsTo(foreignKey = \"...\") (defineField = false still needs the field declared)");
    }

    @Schema("pages")
    static class TypeWithoutDefineField {

        private Long id;

        private Long orgId;

        @BelongsTo(defineField = false, type = FieldType.BINARY_ID)
        private Org org;

    }

    @Test
    void failsForATypeOnAnAssociationThatDoesNotDefineTheField() {
        assertFails(TypeWithoutDefineField.class, "TypeWithoutDefineField, field :org: @BelongsTo :org sets type with "
                + "defineField = false, but then it does not define :orgId. Fix: set the type where :orgId is defined "
                + "(@Field(type = ...)), or remove defineField = false");
    }

    @Schema("pages")
    static class TypeThatDoesNotFit {

        private Long id;

        private Long orgId;

        @BelongsTo(type = FieldType.BINARY_ID)
        private Org org;

    }

    @Test
    void failsForABelongsToTypeTheFieldCannotHold() {
        assertFails(TypeThatDoesNotFit.class, "TypeThatDoesNotFit, field :orgId: @BelongsTo(type) of :orgId :binary_id "
                + "cannot be held in a Long field for field :orgId. Fix: declare :orgId as UUID, set @Field(type = ...) on it, "
                + "or change @BelongsTo(type) of :orgId");
    }

    @Schema("pages")
    static class TwoTypes {

        private Long id;

        @Field(type = FieldType.ID)
        private Long orgId;

        @BelongsTo(type = FieldType.ID)
        private Org org;

    }

    @Test
    void failsForATypeSetTwice() {
        assertFails(TwoTypes.class,
                "TwoTypes, field :orgId: its type is set by both @Field(type) and @BelongsTo(type). "
                        + "Fix: keep only one of them");
    }

    @Schema("pages")
    static class TwoDefinitions {

        private Long id;

        private java.util.UUID orgId;

        @BelongsTo(type = FieldType.BINARY_ID)
        private Org org;

        @BelongsTo(foreignKey = "orgId")
        private Org owner;

    }

    @Test
    void failsForTwoAssociationsDefiningOneKeyDifferently() {
        assertFails(TwoDefinitions.class,
                "TwoDefinitions, field :owner: two @BelongsTo define the foreign key :orgId with "
                        + "different types (:binary_id and the configured foreign key type). Fix: set @BelongsTo(defineField = false) on all but one of them");
    }

    static class StringCodes implements io.schemaspring.type.FieldGenerator<String> {

        @Override
        public String generate() {
            return "x";
        }

    }

    @Schema("wrong_generators")
    static class WrongGeneratorType {

        private Long id;

        @Field(autogenerate = true, generator = StringCodes.class)
        private Integer number;

    }

    @Test
    void failsForAGeneratorWhoseTypeDoesNotFitTheField() {
        assertFails(WrongGeneratorType.class, "WrongGeneratorType, field :number: generator "
                + "io.schemaspring.metadata.SchemaDefinitionErrorsTest$StringCodes generates java.lang.String but the field "
                + ":number holds java.lang.Integer. Fix: make the generator implement FieldGenerator<Integer>, or change "
                + "@Field(generator = ...) or the field's type");
    }

    @Schema("generated_keys")
    static class GeneratedKey {

        @PrimaryKey(autogenerate = false)
        @Field(generator = StringCodes.class)
        private Long id;

    }

    @Test
    void failsForAGeneratorOnAnIdKey() {
        assertFails(GeneratedKey.class,
                "GeneratedKey, field :id: :autogenerate with {m, f, a} not supported by ID types "
                        + "(field :id is :id). Fix: remove generator (the database or the repository generates :id keys), or give "
                        + "the field another type");
    }

    @Schema("generated_virtuals")
    static class GeneratedVirtual {

        private Long id;

        @Field(virtual = true, generator = StringCodes.class)
        private String code;

    }

    @Test
    void failsForAGeneratorOnAVirtualField() {
        assertFails(GeneratedVirtual.class, "GeneratedVirtual, field :code: a virtual field is never persisted, so it "
                + "cannot have a generator. Fix: remove virtual = true or the generator");
    }

    @Schema("clocked")
    @Timestamps(generator = StringCodes.class)
    static class WrongClock {

        private Long id;

        private LocalDateTime insertedAt;

        private LocalDateTime updatedAt;

    }

    @Test
    void failsForATimestampsGeneratorNotGeneratingInstants() {
        assertFails(WrongClock.class, "WrongClock, field :insertedAt: generator "
                + "io.schemaspring.metadata.SchemaDefinitionErrorsTest$StringCodes generates java.lang.String but "
                + "@Timestamps(generator = ...) must generate java.time.Instant (the schema's clock). "
                + "Fix: make the generator implement FieldGenerator<Instant>");
    }

    static class NoConstructorCodes implements io.schemaspring.type.FieldGenerator<String> {

        NoConstructorCodes(String unused) {
        }

        @Override
        public String generate() {
            return "x";
        }

    }

    @Schema("unbuildable_generators")
    static class UnbuildableGenerator {

        private Long id;

        @Field(generator = NoConstructorCodes.class)
        private String code;

    }

    @Test
    void failsForAGeneratorWithoutAUsableConstructor() {
        assertFails(UnbuildableGenerator.class, "UnbuildableGenerator, field :code: generator "
                + "io.schemaspring.metadata.SchemaDefinitionErrorsTest$NoConstructorCodes has no constructor taking a "
                + "java.lang.reflect.Field nor a no-argument constructor. Fix: add one of them, or declare a bean of "
                + "NoConstructorCodes");
    }

    enum MixedMapping {

        @EnumValue(intValue = 1)
        LOW, @EnumValue("h")
        HIGH, URGENT

    }

    @Schema("tickets")
    static class MixedEnum {

        private Long id;

        private MixedMapping level;

    }

    @Test
    void failsForAnEnumMixingIntegerAndStringMappings() {
        assertFails(MixedEnum.class,
                "MixedEnum, field :level: Ecto.Enum MixedMapping mixes integer mappings (LOW) with "
                        + "string mappings (HIGH, URGENT) for field :level. Fix: give every constant of MixedMapping an "
                        + "@EnumValue(intValue = ...), or none");
    }

    enum DuplicateMapping {

        @EnumValue(intValue = 1)
        LOW, @EnumValue(intValue = 1)
        HIGH

    }

    @Schema("tickets")
    static class DuplicateEnum {

        private Long id;

        private List<DuplicateMapping> levels;

    }

    @Test
    void failsForAnEnumMappingTwoConstantsToOneValue() {
        assertFails(DuplicateEnum.class, "DuplicateEnum, field :levels: Ecto.Enum DuplicateMapping maps both LOW and "
                + "HIGH to 1, but stored values must be unique for field :levels. Fix: give HIGH another @EnumValue");
    }

    enum NameClash {

        @EnumValue("HIGH")
        LOW, HIGH

    }

    @Schema("tickets")
    static class ClashingEnum {

        private Long id;

        private NameClash level;

    }

    @Test
    void failsForAMappingThatIsAnotherConstantsStoredName() {
        assertFails(ClashingEnum.class, "ClashingEnum, field :level: Ecto.Enum NameClash maps both LOW and HIGH to "
                + "\"HIGH\", but stored values must be unique for field :level. Fix: give HIGH another @EnumValue");
    }

    @Schema("tickets")
    static class PersistedAny {

        private Long id;

        private Object payload;

    }

    @Test
    void failsForAnyOnAPersistedField() {
        assertFails(PersistedAny.class, "PersistedAny, field :payload: only virtual fields can have type :any, invalid "
                + "type for field :payload. Fix: add @Field(virtual = true), or declare :payload with a concrete type");
    }

    @Schema("tickets")
    static class EmbedAsOnString {

        private Long id;

        @Field(embedAs = EmbedAs.DUMPED)
        private String title;

    }

    @Test
    void failsForEmbedAsOnAFieldThatIsNotAnEnum() {
        assertFails(EmbedAsOnString.class, "EmbedAsOnString, field :title: embedAs applies only to enums, but :title "
                + "has type :string. Fix: remove embedAs = DUMPED");
    }

}
