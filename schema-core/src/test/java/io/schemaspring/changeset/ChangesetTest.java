package io.schemaspring.changeset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.annotation.EmbeddedSchema;
import io.schemaspring.annotation.EmbedsMany;
import io.schemaspring.annotation.EmbedsOne;
import io.schemaspring.annotation.Field;
import io.schemaspring.annotation.OnReplace;
import io.schemaspring.annotation.Schema;
import io.schemaspring.annotation.Timestamps;
import io.schemaspring.annotation.Writable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChangesetTest {

    @Schema("users")
    @Timestamps
    static class User {
        Long id;
        String name;
        String email;
        Integer age;
        @Field(redact = true)
        String password;
        @Field(virtual = true, redact = true)
        String passwordConfirmation;
        @Field(virtual = true)
        Boolean termsOfService;
        List<String> tags;
        byte[] avatar;
        @Field(writable = Writable.NEVER)
        Integer rank;
        String role = "member";
        @EmbedsOne(onReplace = OnReplace.UPDATE)
        Address address;
        @EmbedsMany(onReplace = OnReplace.DELETE)
        List<Phone> phones;
        @EmbedsOne
        Address billing;
        LocalDateTime insertedAt;
        LocalDateTime updatedAt;
    }

    @EmbeddedSchema
    static class Address {
        UUID id;
        String street;
        String city;

        static Changeset<Address> changeset(Address address, Map<String, Object> params) {
            return Changeset.cast(address, params, "street", "city").validateRequired("street");
        }
    }

    @EmbeddedSchema
    static class Phone {
        UUID id;
        String number;

        static Changeset<Phone> changeset(Phone phone, Map<String, Object> params) {
            return Changeset.cast(phone, params, "number").validateRequired("number");
        }
    }

    private static Changeset<User> cast(Map<String, ?> params, String... permitted) {
        return Changeset.cast(new User(), params, permitted);
    }

    @Test
    void castsOnlyPermittedFieldsAndIgnoresTheRest() {
        Changeset<User> changeset = cast(Map.of("name", "jose", "age", "40", "id", "5", "rank", "1", "admin", "true"),
                "name", "age");
        assertThat(changeset.changes()).isEqualTo(Map.of("name", "jose", "age", 40));
        assertThat(changeset.valid()).isTrue();
    }

    @Test
    void aValueEqualToTheCurrentOneIsNoChange() {
        User user = new User();
        user.name = "jose";
        Changeset<User> changeset = Changeset.cast(user, Map.of("name", "jose", "email", "j@x.io"), "name", "email");
        assertThat(changeset.changes()).isEqualTo(Map.of("email", "j@x.io"));
        assertThat(changeset.putChange("email", null).changes()).isEqualTo(Map.of());
        assertThat(changeset.forceChange("name", "jose").changes()).isEqualTo(Map.of("name", "jose"));
    }

    @Test
    void refusesToCastUnknownFieldsAssociationsAndEmbedsWithTheFix() {
        assertThatThrownBy(() -> cast(Map.of(), "nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown field :nope given to cast. Either the field does not exist or it is a through "
                        + "association (which is read-only). The known fields of User are: [id, name, email, age, "
                        + "password, tags, avatar, rank, role, address, phones, billing, insertedAt, updatedAt] and the "
                        + "virtual [passwordConfirmation, termsOfService]");
        assertThatThrownBy(() -> cast(Map.of(), "address")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot cast embed :address with cast, use castEmbed(\"address\") instead");
    }

    @Test
    void validateRequiredSkipsFieldsThatFailedToCast() {
        Changeset<User> changeset = cast(Map.of("name", " ", "age", "x"), "name", "age", "email")
                .validateRequired("name", "age", "email");
        assertThat(changeset.errors()).containsExactly(
                new FieldError("age", "is invalid", Map.of("type", ":integer", "validation", "cast")),
                new FieldError("name", "can't be blank", Map.of("validation", "required")),
                new FieldError("email", "can't be blank", Map.of("validation", "required")));
        assertThat(changeset.required()).containsExactly("name", "age", "email");
        assertThat(changeset.valid()).isFalse();
    }

    @Test
    void validateLengthCountsCharactersItemsAndBytes() {
        assertThat(cast(Map.of("name", "jo"), "name").validateLength("name", Length.min(3)).errors())
                .containsExactly(new FieldError("name", "should be at least %{count} character(s)",
                        Map.of("count", 3, "validation", "length", "kind", "min", "type", "string")));
        assertThat(cast(Map.of("name", "josé valim"), "name").validateLength("name", Length.max(5)).errorsOn("name"))
                .containsExactly("should be at most 5 character(s)");
        assertThat(cast(Map.of("name", "😀😀"), "name").validateLength("name", Length.is(2)).errors()).isEmpty();
        assertThat(cast(Map.of("name", "abc"), "name").validateLength("name", Length.is(2)).errorsOn("name"))
                .containsExactly("should be 2 character(s)");
        assertThat(cast(Map.of("tags", List.of("a")), "tags").validateLength("tags", Length.between(2, 3)).errorsOn("tags"))
                .containsExactly("should have at least 2 item(s)");
        assertThat(cast(Map.of("tags", List.of("a", "b", "c", "d")), "tags").validateLength("tags", Length.max(3))
                .errorsOn("tags")).containsExactly("should have at most 3 item(s)");
        assertThat(cast(Map.of("avatar", new byte[4]), "avatar").validateLength("avatar", Length.max(3)).errorsOn("avatar"))
                .containsExactly("should be at most 3 byte(s)");
        assertThat(cast(Map.of(), "name").validateLength("name", Length.min(3)).errors()).as("no change, no check").isEmpty();
    }

    @Test
    void validateNumberChecksBoundsInEctoOrder() {
        assertThat(cast(Map.of("age", "-1"), "age").validateNumber("age", Bounds.greaterThanOrEqualTo(0)).errors())
                .containsExactly(new FieldError("age", "must be greater than or equal to %{number}",
                        Map.of("validation", "number", "kind", "greater_than_or_equal_to", "number", "0")));
        assertThat(cast(Map.of("age", "200"), "age")
                .validateNumber("age", Bounds.greaterThan(0).andLessThan(150)).errorsOn("age"))
                .containsExactly("must be less than 150");
        assertThat(cast(Map.of("age", "5"), "age").validateNumber("age", Bounds.equalTo(4)).errorsOn("age"))
                .containsExactly("must be equal to 4");
        assertThat(cast(Map.of("age", "4"), "age").validateNumber("age", Bounds.notEqualTo(4)).errorsOn("age"))
                .containsExactly("must be not equal to 4");
        assertThat(cast(Map.of("age", "5"), "age").validateNumber("age", Bounds.lessThanOrEqualTo(4.5)).errorsOn("age"))
                .containsExactly("must be less than or equal to 4.5");
    }

    @Test
    void validateNumberComparesWholeAndDecimalNumbersAndTakesTheLaterLimitOfAKind() {
        assertThat(cast(Map.of("age", "7"), "age").validateNumber("age", Bounds.lessThan(10).andLessThan(5)).errors())
                .containsExactly(new FieldError("age", "must be less than %{number}",
                        Map.of("validation", "number", "kind", "less_than", "number", "5")));
        assertThat(cast(Map.of("age", "6"), "age").validateNumber("age", Bounds.greaterThan(new BigDecimal("6.50")))
                .errorsOn("age")).containsExactly("must be greater than 6.5");
        assertThat(cast(Map.of("age", "7"), "age").validateNumber("age", Bounds.greaterThan(6.99).andLessThan(Long.MAX_VALUE))
                .errors()).isEmpty();
        assertThat(cast(Map.of("age", "-3"), "age").validateNumber("age", Bounds.greaterThan(-2L).andLessThan((short) 0))
                .errorsOn("age")).containsExactly("must be greater than -2");
        assertThatThrownBy(() -> Bounds.lessThan(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A bound must be a finite number, got NaN");
    }

    @Test
    void validatesFormatInclusionExclusionAcceptanceAndConfirmation() {
        assertThat(cast(Map.of("email", "nope"), "email").validateFormat("email", Pattern.compile("@")).errors())
                .containsExactly(new FieldError("email", "has invalid format", Map.of("validation", "format")));
        assertThat(cast(Map.of("role", "root"), "role").validateInclusion("role", List.of("member", "admin")).errors())
                .containsExactly(new FieldError("role", "is invalid",
                        Map.of("validation", "inclusion", "enum", List.of("member", "admin"))));
        assertThat(cast(Map.of("name", "admin"), "name").validateExclusion("name", List.of("admin")).errors())
                .containsExactly(new FieldError("name", "is reserved",
                        Map.of("validation", "exclusion", "enum", List.of("admin"))));
        assertThat(cast(Map.of("termsOfService", "false"), "termsOfService").validateAcceptance("termsOfService").errors())
                .containsExactly(new FieldError("termsOfService", "must be accepted", Map.of("validation", "acceptance")));
        assertThat(cast(Map.of("termsOfService", "true"), "termsOfService").validateAcceptance("termsOfService").valid())
                .isTrue();
        assertThat(cast(Map.of("password", "secret", "passwordConfirmation", "secrex"), "password")
                .validateConfirmation("password").errors()).containsExactly(new FieldError("passwordConfirmation",
                        "does not match confirmation", Map.of("validation", "confirmation")));
        assertThat(cast(Map.of("password", "secret", "passwordConfirmation", "secret"), "password")
                .validateConfirmation("password").valid()).isTrue();
        assertThat(cast(Map.of("age", "3"), "age").validateChange("age",
                (field, value) -> ((Integer) value) % 2 == 0 ? List.of() : List.of("must be even")).errorsOn("age"))
                .containsExactly("must be even");
    }

    @Test
    void declaresConstraintsWithEctoDefaultNames() {
        Changeset<User> changeset = cast(Map.of()).uniqueConstraint("email").foreignKeyConstraint("rank")
                .checkConstraint("age", "age_must_be_positive");
        assertThat(changeset.constraints()).containsExactly(
                new Constraint(Constraint.Type.UNIQUE, "email", "users_email_index", "has already been taken"),
                new Constraint(Constraint.Type.FOREIGN, "rank", "users_rank_fkey", "does not exist"),
                new Constraint(Constraint.Type.CHECK, "age", "age_must_be_positive", "is invalid"));
    }

    @Test
    void castEmbedBuildsChildStructsAndReportsNestedErrorsAsPaths() {
        Changeset<User> changeset = cast(Map.of("address", Map.of("city", "Krakow"),
                "phones", List.of(Map.of("number", "123"), Map.of("number", ""))))
                .castEmbed("address", Address::changeset).castEmbed("phones", Phone::changeset);
        assertThat(changeset.errorMessages()).isEqualTo(Map.of("address.street", List.of("can't be blank"),
                "phones[1].number", List.of("can't be blank")));
        Changeset<User> valid = cast(Map.of("address", Map.of("street", "Main", "city", "Krakow")))
                .castEmbed("address", Address::changeset);
        assertThat(valid.valid()).isTrue();
        assertThat(((Address) valid.getChange("address")).street).isEqualTo("Main");
        assertThat(cast(Map.of("address", "Main Street")).castEmbed("address", Address::changeset).errors())
                .containsExactly(new FieldError("address", "is invalid", Map.of("validation", "embed", "type", "map")));
    }

    @Test
    void castEmbedUpdatesMatchingChildrenAndAppliesOnReplaceToTheOthers() {
        User user = new User();
        user.address = new Address();
        user.address.street = "Old";
        Phone kept = new Phone();
        kept.id = UUID.randomUUID();
        kept.number = "1";
        Phone dropped = new Phone();
        dropped.id = UUID.randomUUID();
        user.phones = List.of(kept, dropped);
        user.billing = new Address();
        user.billing.id = UUID.randomUUID();

        Changeset<User> changeset = Changeset.cast(user, Map.of("address", Map.of("street", "New"),
                "phones", List.of(Map.of("id", kept.id.toString(), "number", "2"), Map.of("number", "3"))), List.of())
                .castEmbed("address", Address::changeset).castEmbed("phones", Phone::changeset);

        Address address = (Address) changeset.getChange("address");
        assertThat(address.street).isEqualTo("New");
        @SuppressWarnings("unchecked")
        List<Phone> phones = (List<Phone>) changeset.getChange("phones");
        assertThat(phones).extracting(phone -> phone.number).containsExactly("2", "3");
        assertThat(phones.get(0).id).isEqualTo(kept.id);
        assertThat(user.address.street).as("the data is untouched").isEqualTo("Old");
        assertThatThrownBy(() -> Changeset.cast(user, Map.of("billing", Map.of("street", "x")), List.of())
                .castEmbed("billing", Address::changeset)).isInstanceOf(ReplaceRefusedException.class);
    }

    @Test
    void applyChangesAnswersACopyAndLeavesTheDataAlone() {
        User user = new User();
        user.name = "jose";
        User applied = cast(Map.of("name", "eric", "age", "33"), "name", "age").applyChanges();
        assertThat(applied.name).isEqualTo("eric");
        assertThat(applied.age).isEqualTo(33);
        assertThat(Changeset.cast(user, Map.of("name", "eric"), "name").applyChanges()).isNotSameAs(user);
        assertThat(user.name).isEqualTo("jose");
    }

    @Test
    void toStringNeverShowsValues() {
        assertThat(cast(Map.of("password", "hunter2"), "password").validateLength("password", Length.min(10)))
                .hasToString("Changeset[User, changes [password], errors [password: should be at least 10 character(s)], "
                        + "valid false]");
    }
}
