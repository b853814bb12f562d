package io.schemaspring.repo.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schemaspring.repo.dialect.Dialect.LetterCase;
import io.schemaspring.repo.dialect.H2Dialect;
import io.schemaspring.repo.dialect.MariaDbDialect;
import io.schemaspring.repo.dialect.LimitClause;
import io.schemaspring.repo.dialect.PostgresDialect;
import io.schemaspring.repo.dialect.RowLock;
import io.schemaspring.repo.it.hsqldb.HsqldbDialect;
import java.util.List;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.junit.jupiter.api.Test;

class SqlRendererTest {

    private final SqlRenderer postgres = new SqlRenderer(new PostgresDialect(LetterCase.LOWER));

    private final SqlRenderer h2 = new SqlRenderer(new H2Dialect(LetterCase.UPPER));

    private final SqlRenderer mariadb = new SqlRenderer(new MariaDbDialect(LetterCase.AS_IS));

    private final Table users = Table.of("tenant_a", "users");

    @Test
    void rendersSelectWithConditionsOrderAndPaging() {
        Select select = Select.columns(this.users, List.of(Column.of("id"), Column.of("name")))
            .where(Condition.and(List.of(new Condition.Compare(Column.of("age"), Condition.Operator.GTE),
                    new Condition.In(Column.of("role"), 2), new Condition.IsNull(Column.of("deleted_at"), false))))
            .orderBy(List.of(new OrderTerm(Column.of("name"), false), new OrderTerm(Column.of("id"), true)))
            .paged(true, true);
        assertThat(this.postgres.render(select)).isEqualTo("SELECT \"id\", \"name\" FROM \"tenant_a\".\"users\" WHERE "
                + "\"age\" >= ? AND \"role\" IN (?, ?) AND \"deleted_at\" IS NULL ORDER BY \"name\", \"id\" DESC LIMIT ? OFFSET ?");
        assertThat(this.h2.render(select)).isEqualTo("SELECT \"ID\", \"NAME\" FROM \"TENANT_A\".\"USERS\" WHERE "
                + "\"AGE\" >= ? AND \"ROLE\" IN (?, ?) AND \"DELETED_AT\" IS NULL ORDER BY \"NAME\", \"ID\" DESC LIMIT ? OFFSET ?");
        assertThat(this.mariadb.render(select)).isEqualTo("SELECT `id`, `name` FROM `tenant_a`.`users` WHERE "
                + "`age` >= ? AND `role` IN (?, ?) AND `deleted_at` IS NULL ORDER BY `name`, `id` DESC LIMIT ? OFFSET ?");
    }

    @Test
    void rendersCountExistsAndEmptyInLists() {
        Select select = Select.columns(Table.of(null, "users"), List.of(Column.of("id"))).where(new Condition.Never());
        assertThat(this.postgres.render(select.project(Select.Projection.COUNT)))
            .isEqualTo("SELECT COUNT(*) FROM \"users\" WHERE 1 = 0");
        assertThat(this.postgres.render(select.project(Select.Projection.EXISTS)))
            .isEqualTo("SELECT 1 FROM \"users\" WHERE 1 = 0 LIMIT 1");
    }

    @Test
    void rendersJoinsWithAliasesAndArrayParameters() {
        Table tags = Table.of(null, "tags").as("r");
        Table join = Table.of(null, "posts_tags").as("j");
        Select select = Select.columns(tags, List.of(join.column("post_id"), tags.column("id"), tags.column("name")))
            .join(new Join(join, join.column("tag_id"), tags.column("id")))
            .where(new Condition.AnyOf(join.column("post_id")))
            .orderBy(List.of(new OrderTerm(tags.column("name"), false)));
        assertThat(this.postgres.render(select)).isEqualTo("SELECT j.\"post_id\", r.\"id\", r.\"name\" FROM \"tags\" r "
                + "JOIN \"posts_tags\" j ON j.\"tag_id\" = r.\"id\" WHERE j.\"post_id\" = ANY(?) ORDER BY r.\"name\"");
    }

    @Test
    void readsInsertedColumnsBackTheWayEachDatabaseCan() {
        Insert insert = new Insert(Table.of(null, "users"), List.of("name", "profile"), List.of("profile"),
                List.of("id"));
        assertThat(this.postgres.render(insert))
            .isEqualTo("INSERT INTO \"users\" (\"name\", \"profile\") VALUES (?, ?) RETURNING \"id\"");
        assertThat(this.h2.render(insert)).as("H2 reads back through generated keys")
            .isEqualTo("INSERT INTO \"USERS\" (\"NAME\", \"PROFILE\") VALUES (?, ? FORMAT JSON)");
        assertThat(this.mariadb.render(insert))
            .isEqualTo("INSERT INTO `users` (`name`, `profile`) VALUES (?, ?) RETURNING `id`");
    }

    @Test
    void rendersUpdatesAndDeletesByKey() {
        Condition byId = new Condition.Compare(Column.of("id"), Condition.Operator.EQ);
        Update update = new Update(Table.of(null, "users"), List.of("name", "updated_at"), List.of(), byId,
                List.of("hits"));
        assertThat(this.postgres.render(update))
            .isEqualTo("UPDATE \"users\" SET \"name\" = ?, \"updated_at\" = ? WHERE \"id\" = ? RETURNING \"hits\"");
        assertThat(this.h2.render(update))
            .isEqualTo("UPDATE \"USERS\" SET \"NAME\" = ?, \"UPDATED_AT\" = ? WHERE \"ID\" = ?");
        assertThatThrownBy(() -> this.mariadb.render(update)).isInstanceOf(IllegalStateException.class)
            .hasMessage("MariaDB cannot read columns back from UPDATE `users` SET `name` = ?, `updated_at` = ? "
                    + "WHERE `id` = ?");
        assertThat(this.mariadb.render(new Delete(Table.of("tenant_b", "users"), byId)))
            .isEqualTo("DELETE FROM `tenant_b`.`users` WHERE `id` = ?");
    }

    @Test
    void pagesTheWayTheDialectSpellsIt() {
        SqlRenderer standard = new SqlRenderer(new H2Dialect(LetterCase.UPPER) {
            @Override
            public LimitClause limitClause() {
                return LimitClause.OFFSET_FETCH;
            }
        });
        Select select = Select.columns(Table.of(null, "users"), List.of(Column.of("id")))
            .orderBy(List.of(new OrderTerm(Column.of("id"), false)));
        assertThat(standard.render(select.paged(true, true)))
            .isEqualTo("SELECT \"ID\" FROM \"USERS\" ORDER BY \"ID\" OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
        assertThat(standard.render(select.paged(true, false)))
            .isEqualTo("SELECT \"ID\" FROM \"USERS\" ORDER BY \"ID\" FETCH FIRST ? ROWS ONLY");
        assertThat(standard.render(select.paged(false, true)))
            .isEqualTo("SELECT \"ID\" FROM \"USERS\" ORDER BY \"ID\" OFFSET ? ROWS");
        assertThat(standard.render(select.project(Select.Projection.EXISTS)))
            .isEqualTo("SELECT 1 FROM \"USERS\" ORDER BY \"ID\" FETCH FIRST 1 ROWS ONLY");
        assertThat(standard.render(select)).isEqualTo("SELECT \"ID\" FROM \"USERS\" ORDER BY \"ID\"");
        assertThat(LimitClause.OFFSET_FETCH.offsetFirst()).isTrue();
        assertThat(LimitClause.LIMIT_OFFSET.offsetFirst()).isFalse();
    }

    @Test
    void locksRowsTheWayEachDatabaseSpellsIt() {
        Select select = Select.columns(Table.of(null, "jobs"), List.of(Column.of("id")))
            .where(new Condition.Compare(Column.of("state"), Condition.Operator.EQ))
            .paged(true, false);
        assertThat(this.postgres.render(select.lock(RowLock.forUpdate())))
            .isEqualTo("SELECT \"id\" FROM \"jobs\" WHERE \"state\" = ? LIMIT ? FOR UPDATE");
        assertThat(this.postgres.render(select.lock(RowLock.forUpdate().skipLocked())))
            .isEqualTo("SELECT \"id\" FROM \"jobs\" WHERE \"state\" = ? LIMIT ? FOR UPDATE SKIP LOCKED");
        assertThat(this.postgres.render(select.lock(RowLock.forShare().nowait())))
            .isEqualTo("SELECT \"id\" FROM \"jobs\" WHERE \"state\" = ? LIMIT ? FOR SHARE NOWAIT");
        assertThat(this.mariadb.render(select.lock(RowLock.forShare())))
            .isEqualTo("SELECT `id` FROM `jobs` WHERE `state` = ? LIMIT ? LOCK IN SHARE MODE");
        assertThat(this.mariadb.render(select.lock(RowLock.forShare().skipLocked())))
            .isEqualTo("SELECT `id` FROM `jobs` WHERE `state` = ? LIMIT ? LOCK IN SHARE MODE SKIP LOCKED");
        assertThat(this.mariadb.render(select.lock(RowLock.forUpdate().nowait())))
            .isEqualTo("SELECT `id` FROM `jobs` WHERE `state` = ? LIMIT ? FOR UPDATE NOWAIT");
        assertThat(this.h2.render(select.lock(RowLock.forUpdate().skipLocked())))
            .isEqualTo("SELECT \"ID\" FROM \"JOBS\" WHERE \"STATE\" = ? LIMIT ? FOR UPDATE SKIP LOCKED");
        assertThat(this.h2.render(select.lock(RowLock.forUpdate().nowait())))
            .isEqualTo("SELECT \"ID\" FROM \"JOBS\" WHERE \"STATE\" = ? LIMIT ? FOR UPDATE NOWAIT");
    }

    @Test
    void refusesRowLocksTheDatabaseLacksNamingDatabaseAndLock() {
        Select select = Select.columns(Table.of(null, "jobs"), List.of(Column.of("id")));
        assertThatThrownBy(() -> this.h2.render(select.lock(RowLock.forShare())))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("H2 does not support the row lock FOR SHARE: use FOR UPDATE");
        assertThatThrownBy(() -> this.h2.render(select.lock(RowLock.forShare().skipLocked())))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("H2 does not support the row lock FOR SHARE SKIP LOCKED: use FOR UPDATE SKIP LOCKED");
        SqlRenderer hsqldb = new SqlRenderer(new HsqldbDialect(LetterCase.UPPER));
        assertThatThrownBy(() -> hsqldb.render(select.lock(RowLock.forUpdate().nowait())))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("HSQLDB does not support the row lock FOR UPDATE NOWAIT");
    }

    @Test
    void rendersAnUpsertThatSetsAndIncrementsTheConflictingRow() {
        Insert insert = new Insert(Table.of("tenant_a", "counters"), List.of("name", "hits", "tags"), List.of("tags"),
                List.of());
        ConflictUpdate update = new ConflictUpdate(List.of(), List.of("tags"), List.of("hits"), List.of("tags"));
        assertThat(this.postgres.renderUpsert(insert, List.of("name"), update, List.of()))
            .isEqualTo("INSERT INTO \"tenant_a\".\"counters\" (\"name\", \"hits\", \"tags\") VALUES (?, ?, ?) "
                    + "ON CONFLICT (\"name\") DO UPDATE SET \"tags\" = ?, "
                    + "\"hits\" = \"tenant_a\".\"counters\".\"hits\" + ?");
        assertThat(this.mariadb.renderUpsert(insert, List.of("name"), update, List.of()))
            .isEqualTo("INSERT INTO `tenant_a`.`counters` (`name`, `hits`, `tags`) VALUES (?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE `tags` = ?, `hits` = `hits` + ?");
        assertThat(this.h2.renderUpsert(insert, List.of("name"), update, List.of()))
            .isEqualTo("MERGE INTO \"TENANT_A\".\"COUNTERS\" t USING (VALUES (?, ?, ? FORMAT JSON)) "
                    + "s (\"NAME\", \"HITS\", \"TAGS\") ON t.\"NAME\" = s.\"NAME\" "
                    + "WHEN MATCHED THEN UPDATE SET \"TAGS\" = ? FORMAT JSON, \"HITS\" = t.\"HITS\" + ? "
                    + "WHEN NOT MATCHED THEN INSERT (\"NAME\", \"HITS\", \"TAGS\") "
                    + "VALUES (s.\"NAME\", s.\"HITS\", s.\"TAGS\")");
    }

    @Test
    void rendersUpsertsTheWayEachDatabaseSpellsThem() {
        Insert insert = new Insert(Table.of(null, "users"), List.of("id", "name", "profile"), List.of("profile"),
                List.of());
        List<String> id = List.of("id");
        List<String> others = List.of("name", "profile");
        assertThat(this.postgres.renderUpsert(insert, id, others))
            .isEqualTo("INSERT INTO \"users\" (\"id\", \"name\", \"profile\") VALUES (?, ?, ?) ON CONFLICT (\"id\") "
                    + "DO UPDATE SET \"name\" = EXCLUDED.\"name\", \"profile\" = EXCLUDED.\"profile\"");
        assertThat(this.postgres.renderUpsert(insert, id, List.of())).isEqualTo(
                "INSERT INTO \"users\" (\"id\", \"name\", \"profile\") VALUES (?, ?, ?) ON CONFLICT (\"id\") DO NOTHING");
        assertThat(this.mariadb.renderUpsert(insert, id, List.of("name"))).isEqualTo(
                "INSERT INTO `users` (`id`, `name`, `profile`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `name` = VALUES(`name`)");
        assertThat(this.mariadb.renderUpsert(insert, id, List.of()))
            .as("a no-op update, not INSERT IGNORE, which would also ignore other errors")
            .isEqualTo(
                    "INSERT INTO `users` (`id`, `name`, `profile`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `id` = `id`");
        assertThat(this.mariadb.renderUpsert(insert, List.of(), List.of())).isEqualTo(
                "INSERT INTO `users` (`id`, `name`, `profile`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `id` = `id`");
        assertThat(this.postgres.renderUpsert(insert, List.of(), List.of())).as("any unique key")
            .isEqualTo("INSERT INTO \"users\" (\"id\", \"name\", \"profile\") VALUES (?, ?, ?) ON CONFLICT DO NOTHING");
        assertThat(this.h2.renderUpsert(insert, id, others)).as("every other column updated")
            .isEqualTo(
                    "MERGE INTO \"USERS\" (\"ID\", \"NAME\", \"PROFILE\") KEY (\"ID\") VALUES (?, ?, ? FORMAT JSON)");
        assertThat(this.h2.renderUpsert(insert, id, List.of("name")))
            .isEqualTo("MERGE INTO \"USERS\" t USING (VALUES (?, ?, ? FORMAT JSON)) s (\"ID\", \"NAME\", \"PROFILE\") "
                    + "ON t.\"ID\" = s.\"ID\" WHEN MATCHED THEN UPDATE SET \"NAME\" = s.\"NAME\" "
                    + "WHEN NOT MATCHED THEN INSERT (\"ID\", \"NAME\", \"PROFILE\") VALUES (s.\"ID\", s.\"NAME\", s.\"PROFILE\")");
        assertThat(this.h2.renderUpsert(insert, id, List.of()))
            .isEqualTo("MERGE INTO \"USERS\" t USING (VALUES (?, ?, ? FORMAT JSON)) s (\"ID\", \"NAME\", \"PROFILE\") "
                    + "ON t.\"ID\" = s.\"ID\" "
                    + "WHEN NOT MATCHED THEN INSERT (\"ID\", \"NAME\", \"PROFILE\") VALUES (s.\"ID\", s.\"NAME\", s.\"PROFILE\")");
    }

    @Test
    void refusesUpsertsWhereTheDialectHasNone() {
        Insert insert = new Insert(Table.of(null, "users"), List.of("id", "name"), List.of(), List.of());
        assertThatThrownBy(() -> new SqlRenderer(new HsqldbDialect(LetterCase.UPPER)).renderUpsert(insert,
                List.of("id"), List.of()))
            .isInstanceOf(InvalidDataAccessApiUsageException.class)
            .hasMessage("HSQLDB does not support upserts (INSERT with a conflict clause)");
    }

    @Test
    void refusesIdentifiersThatAreNotPlainSqlNames() {
        assertThatThrownBy(() -> this.postgres.render(new Delete(Table.of(null, "users\"; DROP TABLE x; --"), null)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(
                    "Identifier \"users\"; DROP TABLE x; --\" is not a valid SQL identifier: use letters, digits and "
                            + "underscores, not starting with a digit, at most 63 characters");
    }

}
