package io.schemaspring.repo.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.schemaspring.changeset.Changeset;
import io.schemaspring.metadata.SchemaRegistry;
import io.schemaspring.query.Query;
import io.schemaspring.repo.Repo;
import io.schemaspring.repo.dialect.DialectResolver;
import io.schemaspring.repo.it.fixtures.EnumTicket;
import io.schemaspring.repo.it.fixtures.EnumTicket.Priority;
import io.schemaspring.repo.it.fixtures.EnumTicket.Status;
import io.schemaspring.repo.it.fixtures.TicketMeta;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ecto.Enum mappings on every database of {@link TestDatabase}: integer and string
 * mappings stored as the mapped value, read back as the constant, and enums inside embeds
 * stored by name ({@code embed_as: :values}) or by mapped value
 * ({@code embed_as: :dumped}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EnumContract {

    SingleConnectionDataSource connection;

    Repo repo;

    JdbcTemplate jdbc;

    JsonMapper json = JsonMapper.builder().build();

    abstract TestDatabase database();

    @BeforeAll
    void connect() throws Exception {
        database().requireReachable();
        this.connection = new SingleConnectionDataSource(database().url(), true);
        try (Connection raw = this.connection.getConnection()) {
            ScriptUtils.executeSqlScript(raw, new ClassPathResource(database().script()));
        }
        SchemaRegistry registry = SchemaRegistry.builder().add(EnumTicket.class).build();
        this.repo = new Repo(registry, new JdbcTemplate(this.connection), DialectResolver.resolve(this.connection),
                this.json, new DataSourceTransactionManager(this.connection), RepoContract.CLOCK);
        this.jdbc = new JdbcTemplate(this.connection);
    }

    @AfterAll
    void disconnect() {
        if (this.connection != null) {
            this.connection.destroy();
        }
    }

    @BeforeEach
    void clean() {
        this.jdbc.update("DELETE FROM enum_tickets");
    }

    private EnumTicket ticket(Status status, Priority priority) {
        EnumTicket ticket = new EnumTicket();
        ticket.status = status;
        ticket.priority = priority;
        return ticket;
    }

    @Test
    void storesTheMappedValuesAndReadsTheConstantsBack() {
        EnumTicket inserted = this.repo.insert(ticket(Status.ARCHIVED, Priority.HIGH));
        EnumTicket unmapped = this.repo.insert(ticket(Status.OPEN, Priority.URGENT));
        assertThat(this.jdbc.queryForObject("SELECT status FROM enum_tickets WHERE id = ?", Integer.class, inserted.id))
            .isEqualTo(10);
        assertThat(
                this.jdbc.queryForObject("SELECT priority FROM enum_tickets WHERE id = ?", String.class, inserted.id))
            .isEqualTo("h");
        assertThat(
                this.jdbc.queryForObject("SELECT priority FROM enum_tickets WHERE id = ?", String.class, unmapped.id))
            .isEqualTo("URGENT");
        EnumTicket loaded = this.repo.get(EnumTicket.class, inserted.id).orElseThrow();
        assertThat(loaded.status).isEqualTo(Status.ARCHIVED);
        assertThat(loaded.priority).isEqualTo(Priority.HIGH);
        assertThat(this.repo.get(EnumTicket.class, unmapped.id).orElseThrow().priority).isEqualTo(Priority.URGENT);
    }

    @Test
    void queriesCompareWithTheMappedValues() {
        this.repo.insert(ticket(Status.OPEN, Priority.LOW));
        this.repo.insert(ticket(Status.CLOSED, Priority.HIGH));
        this.repo.insert(ticket(Status.ARCHIVED, null));
        assertThat(this.repo.all(Query.from(EnumTicket.class).where("status", Status.CLOSED)))
            .extracting(ticket -> ticket.priority)
            .containsExactly(Priority.HIGH);
        assertThat(this.repo.all(Query.from(EnumTicket.class).where("priority", Priority.LOW)))
            .extracting(ticket -> ticket.status)
            .containsExactly(Status.OPEN);
        assertThat(this.repo.all(Query.from(EnumTicket.class).whereNull("priority")))
            .extracting(ticket -> ticket.status)
            .containsExactly(Status.ARCHIVED);
    }

    @Test
    void changesetsCastNamesAndMappedValuesAndStoreTheMappedValue() {
        Changeset<EnumTicket> changeset = Changeset.cast(new EnumTicket(),
                Map.of("status", 2, "priority", "l", "scratch", List.of("anything", 1)), "status", "priority",
                "scratch");
        assertThat(changeset.valid()).isTrue();
        EnumTicket inserted = this.repo.insert(changeset);
        assertThat(inserted.status).isEqualTo(Status.CLOSED);
        assertThat(inserted.priority).isEqualTo(Priority.LOW);
        assertThat(inserted.scratch).isEqualTo(List.of("anything", 1));
        assertThat(this.jdbc.queryForMap("SELECT status, priority FROM enum_tickets WHERE id = ?", inserted.id))
            .extractingByKeys("status", "priority")
            .map(String::valueOf)
            .containsExactly("2", "l");
        EnumTicket byName = this.repo
            .update(Changeset.cast(inserted, Map.of("status", "ARCHIVED", "priority", "HIGH"), "status", "priority"));
        assertThat(this.jdbc.queryForMap("SELECT status, priority FROM enum_tickets WHERE id = ?", byName.id))
            .extractingByKeys("status", "priority")
            .map(String::valueOf)
            .containsExactly("10", "h");
    }

    @Test
    void embedsStoreNamesOrMappedValuesAsEmbedAsSays() throws Exception {
        EnumTicket ticket = ticket(Status.OPEN, Priority.LOW);
        ticket.meta = new TicketMeta();
        ticket.meta.status = Status.CLOSED;
        ticket.meta.dumpedStatus = Status.ARCHIVED;
        ticket.meta.priorities = List.of(Priority.HIGH, Priority.URGENT);
        EnumTicket inserted = this.repo.insert(ticket);
        String stored = this.jdbc.queryForObject("SELECT meta FROM enum_tickets WHERE id = ?", String.class,
                inserted.id);
        assertThat(this.json.readValue(stored, Map.class))
            .isEqualTo(Map.of("status", "CLOSED", "dumped_status", 10, "priorities", List.of("h", "URGENT")));
        TicketMeta loaded = this.repo.get(EnumTicket.class, inserted.id).orElseThrow().meta;
        assertThat(loaded.status).isEqualTo(Status.CLOSED);
        assertThat(loaded.dumpedStatus).isEqualTo(Status.ARCHIVED);
        assertThat(loaded.priorities).containsExactly(Priority.HIGH, Priority.URGENT);
    }

}
